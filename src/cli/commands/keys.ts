import type { Command } from 'commander';
import { withStores } from '../with-stores.ts';

/** `testops keys create|list|revoke`: API keys for the server, stored hashed in its database. */
export function registerKeysCommands(program: Command, setExitCode: (code: number) => void): void {
  const keys = program
    .command('keys')
    .description(
      'Manage API keys of the server (same database as `testops serve`: TESTOPS_DATA_DIR or DATABASE_URL).',
    );
  keys
    .command('create')
    .description('Create a key; it is printed once and only its hash is stored.')
    .requiredOption('--project <id>', 'the project the key may act on; "*" for every project')
    .option('--name <name>', 'what the key is for', 'cli')
    .action(async (flags: { project: string; name: string }) =>
      withStores(async (stores) => {
        if (flags.project !== '*') await stores.projects.ensure(flags.project);
        const { key, record } = await stores.keys.create(flags.project, flags.name);
        await stores.audit.record({
          actor: 'cli',
          action: 'key.create',
          projectId: record.projectId,
          target: record.id,
          detail: { name: record.name },
        });
        process.stdout.write(`${key}\n`);
        process.stderr.write(
          `key ${record.id} (${record.prefix}…) for project ${record.projectId}; send it as "Authorization: Bearer <key>". It is not shown again.\n`,
        );
      }),
    );
  keys
    .command('list')
    .description('List keys (never the keys themselves).')
    .option('--project <id>', 'only this project')
    .action(async (flags: { project?: string }) =>
      withStores(async (stores) => {
        for (const record of await stores.keys.list(flags.project))
          process.stdout.write(
            `${record.id}\t${record.prefix}…\t${record.projectId}\t${record.name}\t${record.revokedAt ? `revoked ${record.revokedAt.toISOString()}` : 'active'}\n`,
          );
      }),
    );
  keys
    .command('revoke <id>')
    .description('Revoke a key by its id (from `testops keys list`).')
    .action(async (id: string) =>
      withStores(async (stores) => {
        const revoked = await stores.keys.revoke(id);
        if (revoked)
          await stores.audit.record({
            actor: 'cli',
            action: 'key.revoke',
            projectId: undefined,
            target: id,
            detail: {},
          });
        process.stderr.write(revoked ? `revoked ${id}\n` : `no active key ${id}\n`);
        if (!revoked) setExitCode(1);
      }),
    );
}
