// TiddlyWiki 5 on Node.js: a single-page wiki whose tiddlers are created, edited, deleted,
// searched and saved to the server's folder (real, persisted state). No login.
import { join } from 'node:path';
import type { BenchTarget } from '../bench-target.ts';
import { freePort, launchTarget } from '../target-process.ts';
import { spawnSync } from 'node:child_process';

export const tiddlywiki: BenchTarget = {
  name: 'tiddlywiki',
  pkg: 'tiddlywiki@5.3.8',
  kinds: ['ui'],
  async start({ workDir, packageDir, timeoutMs }) {
    const bin = join(packageDir, 'node_modules', 'tiddlywiki', 'tiddlywiki.js');
    const wikiDir = join(workDir, 'wiki');
    const init = spawnSync(process.execPath, [bin, wikiDir, '--init', 'server'], { encoding: 'utf8' });
    if (init.status !== 0) throw new Error(`tiddlywiki --init failed: ${init.stderr}`);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    const launched = await launchTarget({
      spawn: {
        command: process.execPath,
        args: [bin, wikiDir, '--listen', `port=${port}`, 'host=127.0.0.1'],
        cwd: workDir,
        env: {},
        logFile: join(workDir, 'target.log'),
      },
      readyUrl: url,
      timeoutMs,
    });
    return {
      // Its 2 MB page takes seconds to load, fresh for every control tried, and its story river
      // animates each change: the default 120 s reached the create's probes but left the page's
      // "more" actions (fold all, new journal) untried, and its suite killed 4 of 20 mutants of
      // the navigator (2026-12-07).
      ui: { url, timeBudgetS: 240 },
      stop: launched.stop,
    };
  },
};
