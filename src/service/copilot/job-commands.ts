import { TestopsError } from '../../core/errors.ts';
import type { CommandReply, CopilotScope, SlashCommand } from './copilot-registry.ts';
import { startTask, suiteFiles } from './copilot-tasks.ts';
import type { StartedTask } from './copilot-events.ts';

const URL_ARGUMENT = /^https?:\/\/\S+$/;

/** The commands that start tasks: each submits a real job and reports it. */
export const jobCommands: SlashCommand[] = [
  {
    name: 'generate',
    usage:
      '/generate api <openapi url> [base url] | /generate ui <app url> | /generate cases <url or requirements>',
    summary: 'Generate API tests (run against the base URL when given), UI tests, or manual cases.',
    run: (args, scope) => generate(args, scope),
  },
  {
    name: 'check',
    usage: '/check [task id]',
    summary: 'Check the latest generated suite (or the task’s) against the standards.',
    run: async (args, scope) => {
      const { job, files } = await suiteFiles(scope, firstWord(args));
      return started(
        await startTask(scope, 'validate', { files }),
        `checking ${files.length} files of task ${job.id}`,
      );
    },
  },
  {
    name: 'optimize',
    usage: '/optimize [task id]',
    summary: 'Find duplicate, outdated and conflicting tests in the latest suite (or the task’s).',
    run: async (args, scope) => {
      const { job, files } = await suiteFiles(scope, firstWord(args));
      return started(
        await startTask(scope, 'optimize', { files }),
        `optimising ${files.length} files of task ${job.id}`,
      );
    },
  },
  {
    name: 'plan',
    usage: '/plan <openapi url | requirements text>',
    summary: 'Generate a prioritised test plan from a spec or from requirements.',
    run: async (args, scope) => {
      const source = required(args, '/plan <openapi url | requirements text>');
      const input = URL_ARGUMENT.test(source) ? { openapi_url: source } : { requirements: [source] };
      return started(await startTask(scope, 'test-plan', input), 'planning');
    },
  },
];

async function generate(args: string, scope: CopilotScope): Promise<CommandReply> {
  const [what = '', ...rest] = args.trim().split(/\s+/);
  const remainder = args.trim().slice(what.length).trim();
  switch (what) {
    case 'api': {
      const [spec, baseUrl] = rest;
      if (!spec) throw usage('/generate api <openapi url> [base url]');
      const input = baseUrl
        ? { openapi_url: spec, base_url: baseUrl, options: { run: true } }
        : { openapi_url: spec };
      return started(await startTask(scope, 'api-tests', input), `generating API tests from ${spec}`);
    }
    case 'ui': {
      const url = rest[0];
      if (!url) throw usage('/generate ui <app url>');
      return started(
        await startTask(scope, 'test-cases', { url, test_type: 'automated' }),
        `exploring ${url} for UI tests`,
      );
    }
    case 'cases': {
      const source = required(remainder, '/generate cases <app url | requirements text>');
      const input = URL_ARGUMENT.test(source)
        ? { url: source, test_type: 'manual' }
        : { requirements: [source], test_type: 'manual' };
      return started(await startTask(scope, 'test-cases', input), 'writing manual cases');
    }
    default:
      throw usage(
        '/generate api <openapi url> [base url] | /generate ui <url> | /generate cases <url or text>',
      );
  }
}

function started(task: StartedTask, doing: string): CommandReply {
  return {
    text: `Started task ${task.task_id} (${task.kind}): ${doing}. Follow it here, at ${task.task_url} or ${task.stream_url}.`,
    tasks: [task],
  };
}

function firstWord(args: string): string | undefined {
  return args.trim().split(/\s+/)[0] || undefined;
}

function required(args: string, shape: string): string {
  const value = args.trim();
  if (!value) throw usage(shape);
  return value;
}

function usage(shape: string): TestopsError {
  return new TestopsError('TESTOPS_INVALID_ARGUMENT', 'the command is missing what it works on', {
    expected: shape,
    hint: 'type /help for every command.',
  });
}
