import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The JavaScript the first page load fetches: the entry script and the chunks it preloads, gzipped. */
export async function initialJavaScript(dist: string): Promise<{ files: string[]; gzipBytes: number }> {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]+src="\/?([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/?([^"]+\.js)"/g),
  ].map((match) => match[1]!);
  let gzipBytes = 0;
  for (const file of files) gzipBytes += gzipSync(await readFile(join(dist, file)), { level: 9 }).length;
  return { files, gzipBytes };
}
