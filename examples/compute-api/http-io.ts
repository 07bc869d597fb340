import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './api-error.ts';

export const jsonContentType = 'application/json; charset=utf-8';

/** Generous for this API (its largest bodies are VM batches), small enough to bound memory. */
const maxBodyBytes = 1024 * 1024;

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBodyBytes) {
      throw new ApiError(413, 'payload_too_large', `Request body exceeds ${maxBodyBytes} bytes`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface OutgoingResult {
  status: number;
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

/** 204 carries no body and no content type; everything else is serialised JSON. */
export function send(response: ServerResponse, result: OutgoingResult): void {
  const headers: Record<string, string> = { ...result.headers };
  if (result.status === 204 || result.body === undefined) {
    response.writeHead(result.status, headers);
    response.end();
    return;
  }
  const payload = Buffer.from(JSON.stringify(result.body), 'utf8');
  headers['content-type'] = result.contentType ?? jsonContentType;
  headers['content-length'] = String(payload.length);
  response.writeHead(result.status, headers);
  response.end(payload);
}
