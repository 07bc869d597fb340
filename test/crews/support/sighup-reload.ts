import { readFile } from 'node:fs/promises';
import { ActiveBehavior } from '../../../src/crews/sources/active-behavior.ts';

// A process that keeps a behaviour read from a file, reloaded on SIGHUP only (the source is not a
// FileBehaviorSource, so no file watch): prints each outcome, so a test can signal and read it.
const path = process.argv.at(-1)!;
let active: ActiveBehavior | undefined;
active = await ActiveBehavior.open(
  {
    label: `file ${path}`,
    read: async () => ({ text: await readFile(path, 'utf8'), version: String(Date.now()) }),
  },
  { onReload: (outcome) => console.log(`${outcome} ${active?.current().behavior.name ?? 'initial'}`) },
);
const opened = active;
opened.watch();
console.log(`ready ${opened.current().behavior.name}`);
process.stdin.resume();
process.stdin.on('end', () => {
  opened.close();
  process.exit(0);
});
