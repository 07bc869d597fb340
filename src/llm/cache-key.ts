import { createHash } from 'node:crypto';
import type { ChatMessage } from './text-completion.ts';

export interface CacheKeyParts {
  provider: string;
  model: string;
  messages: ChatMessage[];
  schema: unknown;
  parameters: Record<string, unknown>;
}

/** A SHA-256 of everything that changes the answer; the API key is never part of it. */
export function cacheKeyOf(parts: CacheKeyParts): string {
  const text = JSON.stringify([parts.provider, parts.model, parts.messages, parts.schema, parts.parameters]);
  return `llm:v1:${createHash('sha256').update(text).digest('hex')}`;
}
