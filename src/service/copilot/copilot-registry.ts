import type { ChatTool } from '../../core/chat-model.ts';
import type { ServiceContext } from '../http/service-context.ts';
import type { StartedTask } from './copilot-events.ts';

/** Who is asking and where: what a command or a tool may act on. */
export interface CopilotScope {
  service: ServiceContext;
  projectId: string;
  chatId: string;
  /** The reply's own message id (a confirmation names the reply that asked for it). */
  messageId: string;
  /** For the audit log: `key:<id>` or `local:<address>`. */
  actor: string;
  signal: AbortSignal;
}

/** What a slash command answers: text for the chat, tasks it started, data for clients. */
export interface CommandReply {
  text: string;
  tasks?: StartedTask[];
  data?: unknown;
}

export interface SlashCommand {
  /** Without the slash: `generate`. */
  name: string;
  /** One line: `/generate api <openapi url> [base url]`. */
  usage: string;
  summary: string;
  run(args: string, scope: CopilotScope): Promise<CommandReply>;
}

/** A tool the model may call, made per turn for its scope. */
export type CopilotToolFactory = (scope: CopilotScope) => ChatTool;

/**
 * The copilot's slash commands and model tools. Capabilities built elsewhere (failure triage,
 * agent crews) register theirs at start-up; a later registration of a name replaces the
 * earlier one, which is how `/triage` goes from "not available" to the real thing.
 */
export class CopilotRegistry {
  readonly #commands = new Map<string, SlashCommand>();
  readonly #tools = new Map<string, CopilotToolFactory>();

  registerCommand(command: SlashCommand): this {
    this.#commands.set(command.name, command);
    return this;
  }

  registerTool(name: string, factory: CopilotToolFactory): this {
    this.#tools.set(name, factory);
    return this;
  }

  command(name: string): SlashCommand | undefined {
    return this.#commands.get(name);
  }

  commands(): SlashCommand[] {
    return [...this.#commands.values()];
  }

  tools(scope: CopilotScope): ChatTool[] {
    return [...this.#tools.values()].map((factory) => factory(scope));
  }
}
