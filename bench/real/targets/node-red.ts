// Node-RED 4 (flow-based programming): a browser editor whose flows are created, edited,
// deleted, searched and deployed to the server's flow file (real, persisted state). The editor
// runs without a login, as installed; the palette catalogue and update checks are switched off.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchTarget } from '../bench-target.ts';
import { freePort, launchTarget } from '../target-process.ts';

function settings(port: number, userDir: string): string {
  const values = {
    uiHost: '127.0.0.1',
    uiPort: port,
    userDir,
    flowFile: 'flows.json',
    diagnostics: { enabled: false },
    telemetry: { enabled: false },
    externalModules: { palette: { allowInstall: false }, modules: { allowInstall: false } },
    editorTheme: { palette: { catalogues: [] }, tours: false },
  };
  return `module.exports = ${JSON.stringify(values, null, 2)};\n`;
}

export const nodeRed: BenchTarget = {
  name: 'node-red',
  pkg: 'node-red@4.1.8',
  kinds: ['ui'],
  async start({ workDir, packageDir, timeoutMs }) {
    const port = await freePort();
    const userDir = join(workDir, 'node-red');
    await mkdir(userDir, { recursive: true });
    await writeFile(join(userDir, 'settings.js'), settings(port, userDir));
    const launched = await launchTarget({
      spawn: {
        command: process.execPath,
        args: [
          join(packageDir, 'node_modules', 'node-red', 'red.js'),
          '--settings',
          join(userDir, 'settings.js'),
        ],
        cwd: workDir,
        env: { NODE_RED_ENABLE_PROJECTS: 'false' },
        logFile: join(workDir, 'target.log'),
      },
      readyUrl: `http://127.0.0.1:${port}/settings`,
      timeoutMs,
      ready: (response) => response.status === 200,
    });
    return { ui: { url: `http://127.0.0.1:${port}/` }, stop: launched.stop };
  },
};
