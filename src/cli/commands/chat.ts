import type { Command } from 'commander';
import { loadServiceConfig } from '../../service/config.ts';

const CHAT_HELP = `
Talks to the copilot of a project: replies stream as they are written, tool calls and the
progress of tasks it starts show on stderr, and every message is kept in the project's history.
Slash commands work without a model: /help lists them. In the chat: /new starts another chat,
/history prints this one, /quit ends; Ctrl+C stops a reply.

With --url (or TESTOPS_URL) it talks to that server over HTTP, with --api-key (or
TESTOPS_API_KEY) when the server requires keys. Without a URL it starts the embedded server in
this process on TESTOPS_DATA_DIR (as \`testops serve\` would, without the demos) and stops it at
the end; when \`testops serve\` already holds that directory, pass --url http://127.0.0.1:8080.`;

interface ChatFlags {
  project: string;
  url?: string;
  apiKey?: string;
  message?: string;
}

/** `testops chat`: the project copilot in the terminal. */
export function registerChatCommand(program: Command): void {
  program
    .command('chat')
    .description('Chat with the project copilot (streamed replies, history, slash commands).')
    .option('--project <name>', 'project id or name; created when missing', 'default')
    .option('--url <url>', 'the server to talk to (default: TESTOPS_URL, else an embedded server)')
    .option('--api-key <key>', 'API key for the server (default: TESTOPS_API_KEY)')
    .option('-m, --message <text>', 'ask one question, print the reply and exit')
    .addHelpText('after', CHAT_HELP)
    .action(async (flags: ChatFlags) => {
      const { runChatSession } = await import('../chat-session.ts');
      const url = flags.url ?? process.env['TESTOPS_URL'];
      const session = {
        apiKey: flags.apiKey ?? process.env['TESTOPS_API_KEY'],
        project: flags.project,
        ...(flags.message !== undefined ? { message: flags.message } : {}),
        output: process.stdout,
        notes: process.stderr,
      };
      if (url) return runChatSession({ ...session, url: url.replace(/\/+$/, '') });
      const { startServer } = await import('../../service/start-server.ts');
      const server = await startServer(loadServiceConfig(process.env, { host: '127.0.0.1', port: 0 }));
      try {
        await runChatSession({ ...session, url: server.url });
      } finally {
        await server.close();
      }
    });
}
