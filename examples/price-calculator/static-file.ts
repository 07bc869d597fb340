// Serves files below public/ with a fixed content-type table. Paths are resolved and checked
// against the root so "../" in a URL can never escape it.
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Writes the file for `urlPath` and returns true, or returns false when there is no such file. */
export async function serveStaticFile(
  root: string,
  urlPath: string,
  response: ServerResponse,
  headOnly: boolean,
): Promise<boolean> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return false;
  }
  const filePath = resolve(root, `.${decoded}`);
  const contentType = contentTypes[extname(filePath)];
  if (!filePath.startsWith(root + sep) || !contentType) return false;
  let body: Buffer;
  try {
    body = await readFile(filePath);
  } catch {
    return false;
  }
  response.writeHead(200, {
    'content-type': contentType,
    'content-length': body.length,
    'cache-control': 'no-store',
  });
  response.end(headOnly ? undefined : body);
  return true;
}
