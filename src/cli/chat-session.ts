import { createInterface } from 'node:readline';
import pc from 'picocolors';
import { isErrorCode } from '../core/error-catalogue.ts';
import { describeError, TestopsError } from '../core/errors.ts';

/** A chat with the copilot over the service's HTTP API, as `testops chat` runs it. */

export interface ChatSessionOptions {
  /** The service's base URL (http://127.0.0.1:8080). */
  url: string;
  apiKey: string | undefined;
  /** A project id or name; created when missing. */
  project: string;
  /** One question, answered, then exit; otherwise questions are read line by line. */
  message?: string;
  output: NodeJS.WritableStream;
  /** Tool calls, task progress and notes. */
  notes: NodeJS.WritableStream;
}

interface ServerEvent {
  event: string;
  data: Record<string, unknown>;
}

const LOCAL_COMMANDS =
  '/new starts another chat, /history shows this one, /quit ends (Ctrl+C stops a reply).';

export async function runChatSession(options: ChatSessionOptions): Promise<void> {
  const client = new ChatClient(options);
  const projectId = await client.project(options.project);
  let chatId: string | undefined;
  const ask = async (question: string) => {
    chatId = (await client.ask(projectId, question, chatId)) ?? chatId;
  };
  if (options.message !== undefined) return ask(options.message);
  const interactive = process.stdin.isTTY === true;
  if (interactive)
    options.notes.write(
      pc.dim(`project ${projectId} — ${LOCAL_COMMANDS} /help lists the copilot's commands.\n`),
    );
  const lines = createInterface({
    input: process.stdin,
    ...(interactive ? { output: options.notes, prompt: 'you> ' } : {}),
  });
  lines.on('SIGINT', () => (client.stopReply() ? undefined : lines.close()));
  if (interactive) lines.prompt();
  for await (const line of lines) {
    const question = line.trim();
    if (question === '/quit' || question === '/exit') break;
    if (question === '/new') chatId = undefined;
    else if (question === '/history') await client.printHistory(projectId, chatId);
    else if (question) await ask(question);
    if (interactive) lines.prompt();
  }
  lines.close();
}

class ChatClient {
  #reply: AbortController | undefined;

  constructor(private readonly options: ChatSessionOptions) {}

  /** The project by id, else by the slug of its name; created when neither exists. */
  async project(nameOrId: string): Promise<string> {
    const listed = (await this.#json('GET', '/api/v1/projects')) as { items: { id: string; name: string }[] };
    const found = listed.items.find((project) => project.id === nameOrId || project.name === nameOrId);
    if (found) return found.id;
    const created = (await this.#json('POST', '/api/v1/projects', { name: nameOrId })) as { id: string };
    this.options.notes.write(pc.dim(`created project ${created.id}\n`));
    return created.id;
  }

  stopReply(): boolean {
    if (!this.#reply) return false;
    this.#reply.abort();
    return true;
  }

  /** Streams the reply to the output; returns the chat id. */
  async ask(projectId: string, question: string, chatId: string | undefined): Promise<string | undefined> {
    const controller = new AbortController();
    this.#reply = controller;
    let chat = chatId;
    try {
      const response = await reach(`${this.options.url}/api/v1/projects/${projectId}/chat`, {
        method: 'POST',
        signal: controller.signal,
        headers: { ...this.#headers(), 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({
          messages: [{ role: 'user', content: question }],
          ...(chatId ? { chat_id: chatId } : {}),
        }),
      });
      if (!response.ok || !response.body) throw await failure(response);
      for await (const event of serverEvents(response.body)) {
        if (event.event === 'start') chat = String(event.data['chat_id']);
        this.#render(event);
      }
    } catch (error) {
      if (!controller.signal.aborted) throw error;
      this.options.notes.write(pc.dim('\n(stopped)\n'));
    } finally {
      this.#reply = undefined;
    }
    return chat;
  }

  async printHistory(projectId: string, chatId: string | undefined): Promise<void> {
    if (!chatId) return void this.options.notes.write(pc.dim('no messages yet in this chat\n'));
    const page = (await this.#json(
      'GET',
      `/api/v1/projects/${projectId}/history?chat_id=${chatId}&order=asc&limit=500`,
    )) as {
      items: { role: string; content: string; created_at: string }[];
    };
    for (const message of page.items)
      this.options.output.write(`${pc.dim(`${message.created_at} ${message.role}>`)} ${message.content}\n`);
  }

  #render(event: ServerEvent): void {
    const { output, notes } = this.options;
    const data = event.data;
    switch (event.event) {
      case 'delta':
        output.write(String(data['text']));
        break;
      case 'tool_call':
        notes.write(pc.dim(`\n→ ${String(data['name'])} ${JSON.stringify(data['input'])}\n`));
        break;
      case 'tool_result':
        notes.write(
          pc.dim(data['error'] ? `← ${String(data['error'])}\n` : `← ${String(data['name'])} done\n`),
        );
        break;
      case 'progress':
        notes.write(
          pc.dim(
            `  task ${String(data['task_id'])}: ${String(data['status'])}${data['percent'] === null ? '' : ` ${String(data['percent'])} %`}${data['stage'] ? ` ${String(data['stage'])}` : ''}\n`,
          ),
        );
        break;
      case 'error':
        notes.write(`\n${pc.red('error')} ${String(data['code'])}: ${String(data['message'])}\n`);
        break;
      case 'done':
        output.write('\n');
        break;
      default:
        break;
    }
  }

  #headers(): Record<string, string> {
    return this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {};
  }

  async #json(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await reach(`${this.options.url}${path}`, {
      method,
      headers: { ...this.#headers(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw await failure(response);
    return response.json();
  }
}

/** Server-Sent Events of a response body, one `{ event, data }` per block. */
async function* serverEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    let boundary: number;
    while ((boundary = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      const event = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      if (event && data) yield { event, data: JSON.parse(data) as Record<string, unknown> };
    }
  }
}

/** The API's error, as the CLI prints errors (its code picks the exit code). */
async function failure(response: Response): Promise<TestopsError> {
  const text = await response.text();
  try {
    const { error } = JSON.parse(text) as { error: { code: string; message: string } };
    return new TestopsError(isErrorCode(error.code) ? error.code : 'TESTOPS_INTERNAL', error.message);
  } catch {
    return new TestopsError(
      'TESTOPS_INTERNAL',
      `the server answered ${response.status}: ${text.slice(0, 300)}`,
    );
  }
}

/** `fetch` whose connection failures say which server could not be reached. */
async function reach(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new TestopsError('TESTOPS_INVALID_ARGUMENT', `cannot reach the server: ${describeError(error)}`, {
      where: new URL(url).origin,
      hint: 'start it with `testops serve`, or leave --url out to use an embedded server.',
      cause: error,
    });
  }
}
