import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RunSpecMessage, SpecOutcomeMessage, StageStartedMessage } from './corpus-protocol.ts';
import type { PipelineStage } from './run-pipeline.ts';

/** What happened to one spec: the worker's own report, or what the parent saw go wrong. */
export type SpecOutcome =
  | SpecOutcomeMessage
  | { index: number; status: 'timeout'; ms: number; stage: PipelineStage | undefined }
  | { index: number; status: 'worker-died'; ms: number; stage: PipelineStage | undefined; detail: string };

export interface CorpusRunLimits {
  /** Per spec: past this the worker is killed and the spec reported as a timeout. */
  timeoutMs: number;
  /** A worker whose RSS passes this after a spec is replaced, so one huge spec's heap is not carried on. */
  recycleRssBytes: number;
  /** Specs per worker before it is replaced: bounds what slow leaks can add up to. */
  batchSize: number;
}

const RUN_TS = fileURLToPath(new URL('../../bin/run-ts.js', import.meta.url));
const WORKER = fileURLToPath(new URL('./corpus-worker.ts', import.meta.url));
const STDERR_TAIL_CHARS = 4096;

/** Runs the specs one at a time in a worker process, replacing it after a hang, a crash or a batch. */
export async function runCorpus(
  jobs: RunSpecMessage[],
  limits: CorpusRunLimits,
  onOutcome: (outcome: SpecOutcome) => void,
): Promise<void> {
  let worker: SpecWorker | undefined;
  for (const job of jobs) {
    worker ??= await SpecWorker.start();
    const outcome = await worker.run(job, limits.timeoutMs);
    onOutcome(outcome);
    if (outcome.status !== 'ok' && outcome.status !== 'failed') {
      worker.kill();
      worker = undefined;
    } else if (outcome.rssBytes > limits.recycleRssBytes || worker.runs >= limits.batchSize) {
      worker.stop();
      worker = undefined;
    }
  }
  worker?.stop();
}

class SpecWorker {
  runs = 0;
  readonly #child: ChildProcess;
  #stderrTail = '';

  private constructor(child: ChildProcess) {
    this.#child = child;
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      this.#stderrTail = (this.#stderrTail + chunk).slice(-STDERR_TAIL_CHARS);
    });
  }

  static async start(): Promise<SpecWorker> {
    // stdout is dropped (the engine may log); stderr is kept to explain a worker that dies.
    const child = fork(RUN_TS, [WORKER], { execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const worker = new SpecWorker(child);
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) =>
        reject(new Error(`corpus worker exited on start (${code}): ${worker.#stderrTail}`)),
      );
    });
    return worker;
  }

  run(job: RunSpecMessage, timeoutMs: number): Promise<SpecOutcome> {
    this.runs += 1;
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    let stage: PipelineStage | undefined;
    return new Promise((resolve) => {
      const finish = (outcome: SpecOutcome) => {
        clearTimeout(timer);
        this.#child.off('message', onMessage);
        this.#child.off('exit', onExit);
        resolve(outcome);
      };
      const onMessage = (message: SpecOutcomeMessage | StageStartedMessage) => {
        if (message.index !== job.index) return;
        if ('stageStarted' in message) stage = message.stageStarted;
        else finish(message);
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
        finish({
          index: job.index,
          status: 'worker-died',
          ms: elapsed(),
          stage,
          detail: this.#deathDetail(code, signal),
        });
      const timer = setTimeout(
        () => finish({ index: job.index, status: 'timeout', ms: elapsed(), stage }),
        timeoutMs,
      );
      this.#child.on('message', onMessage);
      this.#child.on('exit', onExit);
      this.#child.send(job);
    });
  }

  /** Lets an idle worker go: it exits when its IPC channel closes. */
  stop(): void {
    this.#child.disconnect();
  }

  kill(): void {
    // SIGKILL: a worker stuck in synchronous code never runs a SIGTERM handler or its exit hooks.
    this.#child.kill('SIGKILL');
  }

  #deathDetail(code: number | null, signal: NodeJS.Signals | null): string {
    const lines = this.#stderrTail.split('\n').filter((line) => line.trim() !== '');
    const telling = lines.find((line) => /out of memory|FATAL ERROR|RangeError/i.test(line)) ?? lines.at(-1);
    return `worker exited (${signal ?? `code ${code}`})${telling ? `: ${telling.trim()}` : ''}`;
  }
}
