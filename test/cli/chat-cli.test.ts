import { spawn } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDataDir, type TempDataDir } from '../service/support/databases.ts';

/** Runs `testops chat` with these lines on stdin (not a terminal: one question per line). */
function chat(args: string[], input: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/testops.js', 'chat', ...args], {
      env: { ...process.env, LOG_LEVEL: 'error', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    // CI sets CI=true, which turns picocolors on even without a terminal: compare the plain text.
    child.on('close', (code) =>
      resolve({ code, stdout: stripVTControlCharacters(stdout), stderr: stripVTControlCharacters(stderr) }),
    );
    child.stdin.end(input);
  });
}

describe('testops chat', () => {
  let dataDir: TempDataDir;
  beforeAll(async () => {
    dataDir = await tempDataDir();
  });
  afterAll(async () => {
    await dataDir?.remove();
  });

  it('talks to an embedded server: slash commands, the no-model answer, the chat history', async () => {
    const result = await chat(['--project', 'Web Shop'], '/status\nwhy did the last run fail?\n/history\n', {
      TESTOPS_DATA_DIR: dataDir.path,
    });
    expect(result.stderr).toContain('created project web-shop');
    expect(result.stderr).toContain('→ /status');
    expect(result.stdout).toContain('Project Web Shop: 0 stored tests');
    expect(result.stdout).toContain('TESTOPS_LLM_BASE_URL');
    // /history prints the stored chat: both questions with their replies.
    expect(result.stdout).toMatch(/user> \/status/);
    expect(result.stdout).toMatch(/assistant> Free-text questions need a language model/);
    expect(result.code).toBe(0);
  }, 90_000);

  it('says which server it cannot reach', async () => {
    const result = await chat(['--url', 'http://127.0.0.1:9', '-m', '/help'], '', {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot reach the server');
    expect(result.stderr).toContain('http://127.0.0.1:9');
  });
});
