import { TestopsError } from '../core/errors.ts';

/**
 * The body as JSON (text when it is not JSON, undefined when empty), read up to a limit: a base
 * URL is the user's, and what answers there may stream without end.
 */
export async function readLimitedBody(response: Response, maxBytes: number, url: URL): Promise<unknown> {
  if (!response.body) return undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      await response.body.cancel().catch(() => undefined);
      throw new TestopsError('TESTOPS_VENDOR_REJECTED', `the answer is larger than ${maxBytes} bytes`, {
        where: `${url.origin}${url.pathname}`,
        hint: 'check that the base URL is the API of the instance.',
      });
    }
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
