import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { TestopsError } from '../core/errors.ts';
import type { Behavior } from './behavior.ts';
import { MAX_BEHAVIOR_BYTES, parseBehaviorYaml } from './behavior-yaml.ts';

/** The TestOps crew that ships with the package: the default behaviour. */
export const DEFAULT_CREW_FILE = fileURLToPath(new URL('./default-crew.yaml', import.meta.url));

/** A behaviour file's text, bounded; a missing file is a clear error. */
export async function readBehaviorText(path: string): Promise<string> {
  const text = await readFile(path, 'utf8').catch((cause: unknown) => {
    throw new TestopsError('TESTOPS_SOURCE_NOT_FOUND', 'behaviour file not found', {
      where: path,
      expected: 'a YAML file with agents and tasks',
      hint: 'check the path; `testops crew schema` prints what the file may hold.',
      cause,
    });
  });
  // Too large a file is refused by the parser with its size; read no further than that.
  if (Buffer.byteLength(text) > MAX_BEHAVIOR_BYTES) parseBehaviorYaml(text, path);
  return text;
}

/** Reads and checks a behaviour file (errors name `file:line:column`). */
export async function readBehaviorFile(path: string): Promise<{ text: string; behavior: Behavior }> {
  const text = await readBehaviorText(path);
  return { text, behavior: parseBehaviorYaml(text, path) };
}
