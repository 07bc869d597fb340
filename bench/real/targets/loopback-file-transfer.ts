// LoopBack 4's file-transfer application (IBM/StrongLoop): upload files (multipart), list and
// download them; serves its own OpenAPI document at /openapi.json. Files land in a temp folder.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchTarget } from '../bench-target.ts';
import { freePort, launchTarget } from '../target-process.ts';

export const loopbackFileTransfer: BenchTarget = {
  name: 'loopback-files',
  pkg: '@loopback/example-file-transfer@1.7.0',
  kinds: ['api'],
  async start({ workDir, packageDir, timeoutMs }) {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const storage = join(workDir, 'files');
    await mkdir(storage, { recursive: true });
    // The package's own `main` export with its documented options: port, host and the folder
    // uploads go to (by default a folder inside the installed package).
    const boot = `require('@loopback/example-file-transfer').main(${JSON.stringify({
      rest: { port, host: '127.0.0.1', gracePeriodForClose: 0 },
      fileStorageDirectory: storage,
    })}).catch((error) => { console.error(error); process.exit(1); })`;
    const launched = await launchTarget({
      spawn: {
        command: process.execPath,
        args: ['-e', boot],
        cwd: packageDir,
        env: {},
        logFile: join(workDir, 'target.log'),
      },
      readyUrl: `${base}/openapi.json`,
      timeoutMs,
      ready: (response) => response.status === 200,
    });
    return { api: { spec: `${base}/openapi.json`, baseUrl: base, headers: [] }, stop: launched.stop };
  },
};
