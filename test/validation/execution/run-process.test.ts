import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess } from '../../../src/validation/execution/run-process.ts';

/** A child that runs until stopped; it creates `readyFile` once its signal handlers are in place. */
function forever(readyFile: string, ignoreTerm: boolean): string[] {
  return [
    '-e',
    `${ignoreTerm ? "process.on('SIGTERM', () => {});" : ''}
     require('node:fs').writeFileSync(${JSON.stringify(readyFile)}, '');
     process.stdout.write('ready');
     setInterval(() => {}, 1000);`,
  ];
}

async function whenExists(file: string): Promise<void> {
  while (
    !(await stat(file).then(
      () => true,
      () => false,
    ))
  )
    await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('runProcess with an abort signal', () => {
  it('stops a running child when the signal aborts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'testops-run-process-'));
    try {
      const controller = new AbortController();
      const running = runProcess(process.execPath, forever(join(dir, 'ready'), false), {
        cwd: dir,
        signal: controller.signal,
      });
      await whenExists(join(dir, 'ready'));
      controller.abort(new Error('job cancelled'));
      const result = await running;
      expect(result.code).toBeNull();
      expect(result.stdout).toBe('ready');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('kills a child that ignores SIGTERM once the grace period is over', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'testops-run-process-'));
    try {
      const controller = new AbortController();
      const running = runProcess(process.execPath, forever(join(dir, 'ready'), true), {
        cwd: dir,
        signal: controller.signal,
      });
      await whenExists(join(dir, 'ready'));
      controller.abort(new Error('job cancelled'));
      expect((await running).code).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('stops at once a child whose signal was aborted before it started', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'testops-run-process-'));
    try {
      const controller = new AbortController();
      controller.abort(new Error('job cancelled'));
      const result = await runProcess(process.execPath, forever(join(dir, 'ready'), false), {
        cwd: dir,
        signal: controller.signal,
      });
      expect(result.code).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('runs a child to its end when nothing aborts', async () => {
    const result = await runProcess(
      process.execPath,
      ['-e', "process.stdout.write('done'); process.exit(3)"],
      {
        cwd: tmpdir(),
        signal: new AbortController().signal,
      },
    );
    expect(result).toEqual({ code: 3, stdout: 'done', stderr: '' });
  });
});
