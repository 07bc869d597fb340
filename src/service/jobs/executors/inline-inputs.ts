import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import type { InlineFile } from '../job-inputs.ts';

/** Writes inline files under `dir` (paths were validated as relative, without `..`). */
export async function writeInlineFiles(dir: string, files: InlineFile[]): Promise<string> {
  for (const file of files) {
    const path = join(dir, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content);
  }
  return dir;
}

/** The spec source a pipeline can read: the URL as given, or the inline document written to a file. */
export async function specSource(
  inputDir: string,
  input: { openapi_url?: string; openapi_spec?: string | Record<string, unknown> },
): Promise<string | undefined> {
  if (input.openapi_url) return input.openapi_url;
  if (input.openapi_spec === undefined) return undefined;
  await mkdir(inputDir, { recursive: true });
  if (typeof input.openapi_spec === 'string') {
    const isJson = input.openapi_spec.trimStart().startsWith('{');
    const path = join(inputDir, isJson ? 'openapi.json' : 'openapi.yaml');
    await writeFile(path, input.openapi_spec);
    return path;
  }
  const path = join(inputDir, 'openapi.yaml');
  await writeFile(path, stringify(input.openapi_spec));
  return path;
}

/** Requirements sent as a list of texts become one Markdown document, one section per item. */
export async function requirementsFile(inputDir: string, requirements: string[]): Promise<string> {
  await mkdir(inputDir, { recursive: true });
  const path = join(inputDir, 'requirements.md');
  await writeFile(path, requirements.map((text) => text.trim()).join('\n\n') + '\n');
  return path;
}

export async function defectsFile(
  inputDir: string,
  defects: { format: 'json' | 'csv'; content: string } | undefined,
): Promise<string | undefined> {
  if (!defects) return undefined;
  await mkdir(inputDir, { recursive: true });
  const path = join(inputDir, `defects.${defects.format}`);
  await writeFile(path, defects.content);
  return path;
}
