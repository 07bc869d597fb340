import { readFile, stat } from 'node:fs/promises';
import { TestopsError, describeError } from '../../core/errors.ts';
import { fetchWithUrlGuard } from '../guarded-fetch.ts';
import type { UrlGuardOptions } from '../url-guard.ts';

export interface SourceText {
  /** Absolute file path or URL, as used for resolving relative `$ref`s. */
  location: string;
  text: string;
  isUrl: boolean;
}

export interface ReadSourceOptions {
  maxBytes?: number;
  timeoutMs?: number;
  /**
   * The SSRF guard, for sources given by someone else (the service's users): the URL and every
   * redirect hop are checked, and external `$ref`s may only point to guarded http(s) URLs, never
   * to files on this machine. Without it (the CLI), the user's own files and URLs are trusted.
   */
  guard?: UrlGuardOptions;
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;

/** Reads a spec from a file path or an http(s) URL, bounded in size and time. */
export async function readSource(source: string, options: ReadSourceOptions = {}): Promise<SourceText> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (/^https?:\/\//i.test(source)) return readUrl(new URL(source), maxBytes, options);
  return readLocalFile(source, maxBytes);
}

async function readLocalFile(path: string, maxBytes: number): Promise<SourceText> {
  const { resolve } = await import('node:path');
  const absolute = resolve(path);
  const info = await stat(absolute).catch(() => undefined);
  if (!info?.isFile()) {
    throw new TestopsError('TESTOPS_SOURCE_NOT_FOUND', 'the spec file does not exist', {
      where: absolute,
      expected: 'a readable OpenAPI file (YAML or JSON) or an http(s) URL',
      hint: 'check the path given to --spec; relative paths resolve from the current directory.',
    });
  }
  if (info.size > maxBytes) throw tooLarge(absolute, maxBytes);
  return { location: absolute, text: await readFile(absolute, 'utf8'), isUrl: false };
}

async function readUrl(url: URL, maxBytes: number, options: ReadSourceOptions): Promise<SourceText> {
  let response: Response;
  const init = {
    signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    headers: { accept: 'application/json, application/yaml, text/yaml, */*' },
  };
  try {
    response = options.guard
      ? await fetchWithUrlGuard(url, { ...init, ...options.guard })
      : await fetch(url, init);
  } catch (error) {
    if (error instanceof TestopsError) throw error;
    throw new TestopsError(
      'TESTOPS_SOURCE_FETCH_FAILED',
      `could not fetch the spec: ${describeError(error)}`,
      {
        where: url.href,
        expected: 'a reachable URL answering 200 with an OpenAPI document',
        hint: 'check the URL and that the server is running, or download the spec and pass the file.',
        cause: error,
      },
    );
  }
  if (!response.ok) {
    throw new TestopsError('TESTOPS_SOURCE_FETCH_FAILED', `the server answered ${response.status}`, {
      where: url.href,
      expected: 'status 200 with an OpenAPI document',
      hint: 'open the URL in a browser to see what it serves.',
    });
  }
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(url.href, maxBytes);
  const text = await readBounded(response, maxBytes, url.href);
  return { location: url.href, text, isUrl: true };
}

async function readBounded(response: Response, maxBytes: number, where: string): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge(where, maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(where: string, maxBytes: number): TestopsError {
  return new TestopsError('TESTOPS_SOURCE_TOO_LARGE', 'the spec is larger than allowed', {
    where,
    expected: `at most ${Math.round(maxBytes / 1024 / 1024)} MB`,
    hint: 'split the spec, or raise the limit if this size is intended.',
  });
}
