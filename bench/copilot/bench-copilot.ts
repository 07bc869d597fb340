// The copilot's figures: the service's overhead on the first streamed token beside the model's
// own latency, a history page among 100,000 stored messages, and the idle RSS of `testops serve`.
// `testops serve` runs as its own process (PGlite) against the local OpenAI-compatible fixture
// server, whose latency stands in for the model's. The figures are a list of measurements: a
// capability adds one to `measurements`. Prints figures; asserts nothing.
// Run: npm run bench:copilot [turns]
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startModelServer } from '../../test/support/model-fixture-server.ts';
import { rssOf, startProcess, stop } from '../service/serve-process.ts';
import { seedHistory } from './seed-history.ts';

const TURNS = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 100);
const MESSAGES = 100_000;
const PAGES = 300;
const MODEL_LATENCY_MS = 100;
const PROJECT = 'bench';

interface Measurement {
  title: string;
  target: string;
  run(): Promise<string>;
}

const note = (message: string) => process.stderr.write(`bench: ${message}\n`);
const started: ChildProcess[] = [];
const dataDir = await mkdtemp(join(tmpdir(), 'testops-bench-copilot-'));
const model = await startModelServer({ scenario: 'copilot-answer', latencyMs: MODEL_LATENCY_MS });
try {
  note(`storing ${MESSAGES.toLocaleString('en')} messages`);
  const seeded = await seedHistory(dataDir, PROJECT, MESSAGES);
  const server = await startProcess(
    ['serve', '--port', '0', '--no-demos'],
    {
      ...process.env,
      TESTOPS_DATA_DIR: dataDir,
      TESTOPS_RATE_LIMIT: '100000000',
      TESTOPS_LLM_BASE_URL: model.baseUrl,
      TESTOPS_LLM_API_KEY: 'sk-bench',
      TESTOPS_LLM_MODEL: 'fixture-chat',
      LOG_LEVEL: 'warn',
    },
    started,
  );
  const measurements: Measurement[] = [
    {
      title: 'idle RSS of testops serve (PGlite, 100,000 messages stored)',
      target: '< 300 MB',
      run: async () => {
        await fetch(`${server.url}/ready`);
        await new Promise((resolve) => setTimeout(resolve, 5_000));
        return `${await rssOf(server.process)} MB`;
      },
    },
    {
      title: `first streamed token, ${TURNS} turns (model's own latency ${MODEL_LATENCY_MS} ms + streaming)`,
      target: 'overhead p99 < 50 ms',
      run: async () => {
        const direct: number[] = [];
        const service: number[] = [];
        await firstTokenThroughService(server.url); // warm-up: the AI SDK loads on the first question
        for (let turn = 0; turn < TURNS; turn++) {
          direct.push(await firstTokenFromModel(model.baseUrl));
          service.push(await firstTokenThroughService(server.url));
        }
        const [d, s] = [percentiles(direct), percentiles(service)];
        return [
          `model p50 ${d.p50} ms p99 ${d.p99} ms`,
          `through the service p50 ${s.p50} ms p99 ${s.p99} ms`,
          `overhead p50 ${s.p50 - d.p50} ms p99 ${s.p99 - d.p99} ms`,
        ].join('; ');
      },
    },
    {
      title: `history page (50 messages) among ${MESSAGES.toLocaleString('en')}, ${PAGES} pages over HTTP`,
      target: 'p99 < 20 ms',
      run: async () => {
        const queries = [
          'limit=50',
          `limit=50&chat_id=${seeded.chatId}&order=asc`,
          `limit=50&trace_id=${seeded.traceId}`,
          `limit=50&cursor=${seeded.middleSeq}`,
        ];
        const times: number[] = [];
        for (let page = 0; page < PAGES; page++) {
          const began = performance.now();
          const response = await fetch(
            `${server.url}/api/v1/projects/${PROJECT}/history?${queries[page % queries.length]}`,
          );
          await response.arrayBuffer();
          if (response.status !== 200) throw new Error(`history answered ${response.status}`);
          times.push(performance.now() - began);
        }
        const { p50, p99 } = percentiles(times);
        return `p50 ${p50} ms, p99 ${p99} ms`;
      },
    },
  ];
  const rows: [string, string, string][] = [];
  for (const measurement of measurements) {
    note(measurement.title);
    rows.push([measurement.title, await measurement.run(), measurement.target]);
  }
  process.stdout.write('\ncopilot benchmark\n');
  for (const [title, figure, target] of rows)
    process.stdout.write(`  ${title}\n    ${figure}  (target ${target})\n`);
} finally {
  for (const child of started) await stop(child);
  await model.close();
  await rm(dataDir, { recursive: true, force: true });
}

/** Time to the first content chunk straight from the model server (what any client would wait). */
async function firstTokenFromModel(baseUrl: string): Promise<number> {
  const began = performance.now();
  const response = await fetch(`${baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-bench' },
    body: JSON.stringify({
      model: 'fixture-chat',
      stream: true,
      messages: [{ role: 'user', content: 'What can you do?' }],
    }),
  });
  return untilFirst(response, began, '"content"');
}

/** Time to the first `delta` event of a new chat's reply through the service. */
async function firstTokenThroughService(url: string): Promise<number> {
  const began = performance.now();
  const response = await fetch(`${url}/api/v1/projects/${PROJECT}/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ messages: [{ role: 'user', content: 'What can you do?' }] }),
  });
  return untilFirst(response, began, 'event: delta');
}

/** Reads the stream to its end, noting when `marker` first appeared. */
async function untilFirst(response: Response, began: number, marker: string): Promise<number> {
  const decoder = new TextDecoder();
  let text = '';
  let first = -1;
  for await (const chunk of response.body!) {
    text += decoder.decode(chunk, { stream: true });
    if (first < 0 && text.includes(marker)) first = performance.now() - began;
  }
  if (first < 0) throw new Error(`no "${marker}" in the stream: ${text.slice(0, 300)}`);
  return first;
}

function percentiles(values: number[]): { p50: number; p99: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
  return { p50: at(0.5), p99: at(0.99) };
}
