import { createHash } from 'node:crypto';

/**
 * The id git gives a file's content (`git hash-object`): both vendors list trees with these ids,
 * so an unchanged file is known without downloading it.
 */
export function gitBlobSha(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}
