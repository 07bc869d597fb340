import type { Command } from 'commander';
import { loadServiceConfig } from '../../service/config.ts';
import { port, positiveInteger } from '../parse-options.ts';

const SERVE_HELP = `
Embedded by default: PGlite in TESTOPS_DATA_DIR (default ~/.testops), jobs in this process, the
bundled demo targets beside it, listening on 127.0.0.1 without auth. Nothing to install.

Distributed: set DATABASE_URL (PostgreSQL) and REDIS_URL; the server enqueues into BullMQ and
\`testops worker\` processes (any number, on any machine) run the jobs.

Binding to anything but loopback requires API keys (\`testops keys create --project <id>\`).
Environment: PORT, TESTOPS_SECRET_KEY (32 bytes, base64 or hex; required with DATABASE_URL),
TESTOPS_CONCURRENCY, TESTOPS_CORS_ORIGINS, TESTOPS_RATE_LIMIT, TESTOPS_BODY_LIMIT,
TESTOPS_ALLOW_PRIVATE_TARGETS=1, OTEL_EXPORTER_OTLP_ENDPOINT, LOG_LEVEL; job input limits:
TESTOPS_LIMIT_REQUIREMENTS, _REQUIREMENTS_BYTES, _FILES, _FILE_BYTES, _FILES_BYTES, _SPEC_BYTES,
_BODY_DEPTH.

API: /docs (OpenAPI UI), /openapi.json, /health, /ready, /metrics.`;

interface ServeFlags {
  port: number;
  host: string;
  concurrency?: number;
  demos: boolean;
  allowPrivate?: boolean;
}

export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description('Run the HTTP API (and, without Redis, the job workers) as one process.')
    .option('--port <n>', 'port to listen on', port, Number(process.env['PORT'] ?? 8080))
    .option(
      '--host <addr>',
      'address to bind; anything but loopback requires API keys',
      process.env['TESTOPS_HOST'] ?? '127.0.0.1',
    )
    .option('--concurrency <n>', 'jobs run at once in this process (embedded mode)', positiveInteger)
    .option('--no-demos', 'do not start the bundled demo targets')
    .option(
      '--allow-private',
      'let jobs reach private networks and this machine (any target, not only the demos)',
    )
    .addHelpText('after', SERVE_HELP)
    .action(async (flags: ServeFlags) => {
      const config = loadServiceConfig(process.env, {
        host: flags.host,
        port: flags.port,
        ...(flags.concurrency ? { concurrency: flags.concurrency } : {}),
        ...(flags.allowPrivate ? { allowPrivateTargets: true } : {}),
      });
      const { startServer } = await import('../../service/start-server.ts');
      const server = await startServer(config, { demos: flags.demos && !config.redisUrl });
      process.stderr.write(
        [
          `TestOps Copilot API on ${server.url} (docs: ${server.url}/docs)`,
          `  database: ${server.runtime.stores.info.driver}${config.databaseUrl ? '' : ` in ${config.dataDir}`}; jobs: ${server.runtime.queue.kind}`,
          ...server.demos.map(
            (demo) =>
              `  demo ${demo.name}: ${demo.url}${demo.spec ? ` (spec ${demo.spec}, token ${demo.token})` : ''}`,
          ),
          '',
        ].join('\n'),
      );
      await untilSignal();
      process.stderr.write('stopping: finishing running jobs…\n');
      await server.close();
    });
  program
    .command('worker')
    .description('Run jobs from the shared queue (needs REDIS_URL and DATABASE_URL).')
    .option('--concurrency <n>', 'jobs run at once by this worker', positiveInteger)
    .action(async (flags: { concurrency?: number }) => {
      const config = loadServiceConfig(
        process.env,
        flags.concurrency ? { concurrency: flags.concurrency } : {},
      );
      const { startWorker } = await import('../../service/start-worker.ts');
      const worker = await startWorker(config);
      process.stderr.write(
        `testops worker ${worker.runtime.workerId} running (concurrency ${config.concurrency})\n`,
      );
      await untilSignal();
      process.stderr.write('stopping: handing running jobs back to the queue…\n');
      await worker.close();
    });
}

/** Resolves on SIGINT or SIGTERM, so the command can shut down in order. */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
