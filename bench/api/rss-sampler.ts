import { Worker } from 'node:worker_threads';

export interface RssSampler {
  /** Stops sampling; resolves to the highest RSS seen, in bytes, and how many samples were taken. */
  stop(): Promise<{ peakBytes: number; samples: number }>;
}

// Runs on its own thread: the pipeline's model/generate/emit stages are synchronous, so a timer on
// the main thread would not fire until they finish and would miss the peak. RSS is per process,
// so the thread sees the main thread's memory. Plain JS, so the thread needs no TypeScript loader.
const SAMPLER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let peak = 0;
let samples = 0;
const sample = () => {
  samples += 1;
  peak = Math.max(peak, process.memoryUsage.rss());
};
sample();
const timer = setInterval(sample, workerData.intervalMs);
parentPort.once('message', () => {
  clearInterval(timer);
  sample();
  parentPort.postMessage({ peakBytes: peak, samples });
});
`;

/** Samples the process's resident set size every `intervalMs` until stopped. */
export function startRssSampler(intervalMs = 50): RssSampler {
  const worker = new Worker(SAMPLER_SOURCE, { eval: true, workerData: { intervalMs } });
  return {
    async stop() {
      const result = new Promise<{ peakBytes: number; samples: number }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      worker.postMessage('stop');
      const figures = await result;
      await worker.terminate();
      return figures;
    },
  };
}
