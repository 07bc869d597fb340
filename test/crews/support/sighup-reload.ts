import { readFile } from 'node:fs/promises';
import { ActiveBehavior } from '../../../src/crews/sources/active-behavior.ts';

// A process that keeps a behaviour read from a file, reloaded on SIGHUP only (the source is not a
// FileBehaviorSource, so no file watch): prints each outcome and the name then in force.
const path = process.argv.at(-1)!;
const holder: { active?: ActiveBehavior } = {};
holder.active = await ActiveBehavior.open(
  { label: path, read: async () => ({ text: await readFile(path, 'utf8'), version: String(Date.now()) }) },
  { onReload: (outcome) => console.log(`${outcome} ${holder.active?.current().behavior.name ?? 'initial'}`) },
);
const active = holder.active;
active.watch();
console.log(`ready ${active.current().behavior.name}`);
process.stdin.resume();
process.stdin.on('end', () => {
  active.close();
  process.exit(0);
});
