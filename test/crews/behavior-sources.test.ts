import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActiveBehavior, type ReloadOutcome } from '../../src/crews/sources/active-behavior.ts';
import { FileBehaviorSource } from '../../src/crews/sources/file-source.ts';
import { NotionBehaviorSource } from '../../src/crews/sources/notion-source.ts';
import { PAGE_ID, startNotionServer, type NotionServer } from './support/notion-server.ts';

const TOKEN = 'ntn_fixture_token_never_logged';

const crewNamed = (name: string) => `name: ${name}
agents:
  analyst: {role: Analyst, goal: Read the API, tools: [read_api]}
tasks:
  read: {description: Read it, expected_output: Operations, agent: analyst}
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'behavior-sources-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a behaviour file', () => {
  it('replaces the behaviour when it changes validly, keeps it when the change is invalid', async () => {
    const path = join(dir, 'watched.yaml');
    await writeFile(path, crewNamed('first'));
    const outcomes: ReloadOutcome[] = [];
    let notify: (() => void) | undefined;
    const active = await ActiveBehavior.open(new FileBehaviorSource(path), {
      onReload: (outcome) => {
        outcomes.push(outcome);
        notify?.();
      },
    });
    const next = () => new Promise<void>((resolve) => (notify = resolve));
    try {
      expect(active.current()).toMatchObject({ source: path, behavior: { name: 'first' } });
      active.watch();
      let reloaded = next();
      await writeFile(path, crewNamed('second'));
      await reloaded;
      expect(active.current().behavior.name).toBe('second');
      reloaded = next();
      await writeFile(path, `${crewNamed('third')}  broken: [\n`);
      await reloaded;
      expect(outcomes.at(-1)).toBe('invalid');
      expect(active.current().behavior.name).toBe('second');
      expect(active.lastFailure()).toMatchObject({
        code: 'TESTOPS_BEHAVIOR_INVALID',
        message: expect.stringMatching(
          new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+`),
        ),
      });
    } finally {
      active.close();
    }
  });

  it('is read again on SIGHUP, without a restart', async () => {
    const path = join(dir, 'signalled.yaml');
    await writeFile(path, crewNamed('before'));
    const child = spawn(process.execPath, ['bin/run-ts.js', 'test/crews/support/sighup-reload.ts', path], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const line = async () => String((await lines.next()).value);
    try {
      expect(await line()).toBe('loaded initial');
      expect(await line()).toBe('ready before');
      await writeFile(path, crewNamed('after'));
      child.kill('SIGHUP');
      expect(await line()).toBe('loaded after');
      await writeFile(path, 'agents: [');
      child.kill('SIGHUP');
      expect(await line()).toBe('invalid after');
    } finally {
      child.stdin!.end();
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
});

describe('a Notion page', () => {
  let notion: NotionServer;
  beforeAll(async () => {
    notion = await startNotionServer(
      {
        lastEdited: '2026-12-01T09:00:00.000Z',
        blocks: [
          { paragraph: 'The crew of the QA team.' },
          { code: 'console.log(1)', language: 'javascript' },
          { paragraph: 'Below, the behaviour:' },
          { code: crewNamed('from-notion'), language: 'yaml' },
          { code: crewNamed('second-block'), language: 'yaml' },
        ],
      },
      TOKEN,
    );
  });
  afterAll(async () => {
    await notion.close();
  });

  const source = () => new NotionBehaviorSource({ pageId: PAGE_ID, token: TOKEN, baseUrl: notion.baseUrl });

  it('serves the first YAML code block, read across pages of blocks, cached by last edit time', async () => {
    notion.requests.length = 0;
    const active = await ActiveBehavior.open(source());
    expect(active.current()).toMatchObject({
      source: `notion page ${PAGE_ID}`,
      version: '2026-12-01T09:00:00.000Z',
      behavior: { name: 'from-notion' },
    });
    expect(notion.requests.map((request) => request.path)).toEqual([
      `/v1/pages/${PAGE_ID}`,
      `/v1/blocks/${PAGE_ID}/children?page_size=100`,
      `/v1/blocks/${PAGE_ID}/children?start_cursor=2&page_size=100`,
    ]);
    expect(
      notion.requests.every((request) => request.authorization === `Bearer ${TOKEN}` && request.version),
    ).toBe(true);
    // Unchanged page: one request, no block reads.
    notion.requests.length = 0;
    expect(await active.reload()).toBe('unchanged');
    expect(notion.requests.map((request) => request.path)).toEqual([`/v1/pages/${PAGE_ID}`]);
    // Edited: read again.
    notion.page.lastEdited = '2026-12-02T09:00:00.000Z';
    notion.page.blocks[3] = { code: crewNamed('edited'), language: 'yaml' };
    expect(await active.reload()).toBe('loaded');
    expect(active.current().behavior.name).toBe('edited');
  });

  it('keeps the last good behaviour while Notion fails, and when the page’s YAML is invalid', async () => {
    const active = await ActiveBehavior.open(source());
    const good = active.current().behavior.name;
    notion.failWith = 503;
    notion.page.lastEdited = '2026-12-03T09:00:00.000Z';
    expect(await active.reload()).toBe('failed');
    expect(active.current().behavior.name).toBe(good);
    expect(active.lastFailure()).toMatchObject({ code: 'TESTOPS_BEHAVIOR_SOURCE_FAILED' });
    expect(active.lastFailure()!.message).not.toContain(TOKEN);
    notion.failWith = undefined;
    notion.page.blocks[3] = { code: 'agents:\n  analyst: {role: Analyst}\n', language: 'yaml' };
    expect(await active.reload()).toBe('invalid');
    expect(active.current().behavior.name).toBe(good);
    expect(active.lastFailure()!.message).toMatch(new RegExp(`^notion page ${PAGE_ID}:2:\\d+`));
  });

  it('starts on the shipped crew when Notion is down at start, and says why', async () => {
    notion.failWith = 401;
    try {
      const active = await ActiveBehavior.open(source());
      expect(active.current().source).toBe('default crew');
      expect(active.lastFailure()!.message).toMatch(/Notion: .*API token is invalid|Notion is unavailable/);
    } finally {
      notion.failWith = undefined;
    }
  });
});
