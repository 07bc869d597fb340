import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runProcess } from '../../../src/validation/execution/run-process.ts';

let dir: string;
beforeEach(async () => void (dir = await mkdtemp(join(tmpdir(), 'testops-run-process-'))));
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Starts a child that runs until stopped; it creates `ready` once its signal handlers are in place. */
function startForever(signal: AbortSignal, options: { ignoreTerm: boolean }) {
  const script = `${options.ignoreTerm ? "process.on('SIGTERM', () => {});" : ''}
     require('node:fs').writeFileSync(${JSON.stringify(join(dir, 'ready'))}, '');
     setInterval(() => {}, 1000);`;
  return runProcess(process.execPath, ['-e', script], { cwd: dir, signal });
}

async function untilReady(): Promise<void> {
  const exists = () =>
    stat(join(dir, 'ready')).then(
      () => true,
      () => false,
    );
  while (!(await exists())) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('runProcess with an abort signal', () => {
  it('stops a running child when the signal aborts', async () => {
    const controller = new AbortController();
    const running = startForever(controller.signal, { ignoreTerm: false });
    await untilReady();
    controller.abort(new Error('job cancelled'));
    expect((await running).code).toBeNull();
  }, 30_000);

  it('kills a child that ignores SIGTERM once the grace period is over', async () => {
    const controller = new AbortController();
    const running = startForever(controller.signal, { ignoreTerm: true });
    await untilReady();
    controller.abort(new Error('job cancelled'));
    expect((await running).code).toBeNull();
  }, 30_000);

  it('stops at once a child whose signal was aborted before it started', async () => {
    const result = await startForever(AbortSignal.abort(new Error('job cancelled')), { ignoreTerm: false });
    expect(result.code).toBeNull();
  }, 30_000);

  it('runs a child to its end when nothing aborts', async () => {
    const result = await runProcess(
      process.execPath,
      ['-e', "process.stdout.write('done'); process.exit(3)"],
      {
        cwd: dir,
        signal: new AbortController().signal,
      },
    );
    expect(result).toEqual({ code: 3, stdout: 'done', stderr: '' });
  });
});
