// Open-loop load at a constant arrival rate: request i is due at start + i / rate whatever the
// earlier responses did, and its latency counts from when it was due, so a slow server cannot
// hide its queue (no coordinated omission). autocannon's rate limit instead lets every connection
// send its share of a second back to back at the start of that second: a burst, not a rate.
import { Agent, request } from 'node:http';

export interface ConstantRateOptions {
  url: string;
  method: 'GET' | 'POST';
  body?: string;
  /** Requests per second, evenly spaced. */
  rate: number;
  durationS: number;
  /** Keep-alive connections at most; requests wait for a free one (and that wait counts). */
  connections: number;
}

export interface ConstantRateResult {
  requests: number;
  /** Completed requests per second over the run. */
  rps: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
}

export async function constantRateLoad(options: ConstantRateOptions): Promise<ConstantRateResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const total = Math.round(options.rate * options.durationS);
  const intervalMs = 1000 / options.rate;
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor((performance.now() - started) / intervalMs) + 1);
    for (; sent < due; sent++) {
      const dueAt = started + sent * intervalMs;
      inFlight.push(
        send(agent, options).then(
          (status) => {
            latencies.push(performance.now() - dueAt);
            if (status < 200 || status >= 300) non2xx++;
          },
          () => void errors++,
        ),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(inFlight);
  const elapsedS = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return {
    requests: latencies.length,
    rps: Math.round(latencies.length / elapsedS),
    p50: at(0.5),
    p99: at(0.99),
    max: Math.round(latencies.at(-1) ?? 0),
    non2xx,
    errors,
  };
}

function send(agent: Agent, options: ConstantRateOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      options.url,
      {
        agent,
        method: options.method,
        headers: options.body
          ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(options.body) }
          : {},
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
