// The connect-time guard of suite runs, in real child processes: a Node process with the preload
// (as Playwright Test and its workers get it) and Python with the pytest plugin. Every connection
// attempted here is to loopback; the refused ones never reach the server.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PYTEST_GUARD_PLUGIN,
  nodeGuardEnv,
  pythonGuardEnv,
  type ConnectGuardPolicy,
} from '../../../src/validation/execution/connect-guard.ts';
import { runProcess } from '../../../src/validation/execution/run-process.ts';

let server: Server;
let port: number;
const hits: string[] = [];
// api.test stands for the base URL's host, pinned to what the check before the run judged.
const policy: ConnectGuardPolicy = { pins: { 'api.test': ['127.0.0.1'] } };

beforeAll(async () => {
  server = createServer((request, response) => {
    hits.push(request.headers.host ?? '');
    response.end('reached');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

/** A Python with pytest and httpx (what emitted suites use), when this machine has one. */
const pytestPython = [process.env['TESTOPS_PYTHON'], 'python3', '/usr/bin/python3'].find(
  (candidate) => candidate && spawnSync(candidate, ['-c', 'import pytest, httpx']).status === 0,
);

const nodeProbe = `
const http = require('node:http');
const net = require('node:net');
const get = (url) => new Promise((resolve) => http.get(url, (res) => { res.resume(); resolve('reached'); })
  .on('error', (error) => resolve(error.message.split('\\n')[0])));
(async () => {
  const port = Number(process.argv[1]);
  for (const url of ['http://127.0.0.1:' + port, 'http://localhost:' + port, 'http://[::ffff:127.0.0.1]:' + port, 'http://api.test:' + port])
    console.log(url.replace(String(port), 'PORT'), '→', await get(url + '/'));
  console.log('fetch →', await fetch('http://127.0.0.1:' + port + '/').then(() => 'reached', (error) => error.cause.message.split('\\n')[0]));
  console.log('net →', await new Promise((resolve) => net.connect(port, '127.0.0.1').on('connect', () => resolve('reached')).on('error', (error) => resolve(error.message.split('\\n')[0]))));
})();
`;

const pythonProbe = `
import sys, urllib.request
port = sys.argv[1]
for url in ['http://127.0.0.1:' + port, 'http://localhost:' + port, 'http://api.test:' + port]:
    try:
        urllib.request.urlopen(url + '/', timeout=5).read()
        outcome = 'reached'
    except Exception as error:
        outcome = str(getattr(error, 'reason', error)).split('. Tip')[0]
    print(url.replace(port, 'PORT'), '→', outcome)
`;

describe('connect-time guard of suite runs', () => {
  it('refuses loopback in a Node process, however it is named, and connects the pinned host', async () => {
    hits.length = 0;
    const env = { ...process.env, ...nodeGuardEnv(policy, process.env) };
    const result = await runProcess(process.execPath, ['-e', nodeProbe, String(port)], {
      cwd: process.cwd(),
      env,
    });
    expect(result.stdout).toMatchInlineSnapshot(`
      "http://127.0.0.1:PORT → 127.0.0.1: connection to 127.0.0.1 refused: a loopback address (IANA: loopback (RFC 1122))
      http://localhost:PORT → localhost: connection to localhost (127.0.0.1) refused: a loopback address (IANA: loopback (RFC 1122))
      http://[::ffff:127.0.0.1]:PORT → ::ffff:7f00:1: connection to ::ffff:7f00:1 refused: a loopback address (IANA: IPv4-mapped (RFC 4291), carrying 127.0.0.1)
      http://api.test:PORT → reached
      fetch → 127.0.0.1: connection to 127.0.0.1 refused: a loopback address (IANA: loopback (RFC 1122))
      net → 127.0.0.1: connection to 127.0.0.1 refused: a loopback address (IANA: loopback (RFC 1122))
      "
    `);
    expect(hits).toEqual([`api.test:${port}`]);
  });

  it('lets a Node process reach the endpoints it is allowed (the browser guard proxy)', async () => {
    hits.length = 0;
    const allowed = { ...policy, allow: [`127.0.0.1:${port}`] };
    const env = { ...process.env, ...nodeGuardEnv(allowed, process.env) };
    const probe = `fetch('http://127.0.0.1:${port}/proxy').then(() => console.log('reached'), (error) => console.log(error.cause.message))`;
    const result = await runProcess(process.execPath, ['-e', probe], { cwd: process.cwd(), env });
    expect(result.stdout.trim()).toBe('reached');
    expect(hits).toEqual([`127.0.0.1:${port}`]);
  });

  it('refuses loopback in a pytest process, and connects the pinned host', async () => {
    hits.length = 0;
    const env = { ...process.env, ...pythonGuardEnv(policy, process.env) };
    const result = await runProcess(
      'python3',
      ['-c', `import testops_connect_guard\n${pythonProbe}`, String(port)],
      { cwd: process.cwd(), env },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatchInlineSnapshot(`
      "http://127.0.0.1:PORT → TESTOPS_URL_REFUSED: connection to 127.0.0.1 (127.0.0.1) refused: a loopback address (the SSRF guard is on for this run)
      http://localhost:PORT → TESTOPS_URL_REFUSED: connection to localhost (127.0.0.1) refused: a loopback address (the SSRF guard is on for this run)
      http://api.test:PORT → reached
      "
    `);
    expect(hits).toEqual([`api.test:${port}`]);
  });

  it.skipIf(!pytestPython)(
    'holds in a real pytest run with httpx, as emitted suites send requests',
    async () => {
      hits.length = 0;
      const dir = await mkdtemp(join(tmpdir(), 'connect-guard-pytest-'));
      try {
        await writeFile(
          join(dir, 'test_probe.py'),
          [
            'import os, httpx, pytest',
            'PORT = os.environ["PROBE_PORT"]',
            'def test_pinned_host():',
            '    assert httpx.get(f"http://api.test:{PORT}/").text == "reached"',
            'def test_loopback_is_refused():',
            '    with pytest.raises(httpx.ConnectError, match="TESTOPS_URL_REFUSED"):',
            '        httpx.get(f"http://127.0.0.1:{PORT}/")',
            '',
          ].join('\n'),
        );
        const env = { ...process.env, ...pythonGuardEnv(policy, process.env), PROBE_PORT: String(port) };
        const args = ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', ...PYTEST_GUARD_PLUGIN];
        const result = await runProcess(pytestPython!, args, { cwd: dir, env });
        expect(result.stdout).toContain('2 passed');
        expect(hits).toEqual([`api.test:${port}`]);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});
