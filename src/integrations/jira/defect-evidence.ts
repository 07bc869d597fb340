import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { RecordedExchange } from '../../core/run-report.ts';

/** What `evidence/<test>.json` holds (written by the suite run), as far as an exported issue shows it. */
export interface DefectEvidence {
  expected: string;
  actual: string;
  message: string;
  curl: string | undefined;
  /** Screenshots and traces kept beside the evidence, relative to the suite. */
  artifacts: string[];
  exchanges: RecordedExchange[];
}

/**
 * Reads one evidence file of a suite. A missing or unreadable file is not fatal: the issue is
 * still filed from the report alone, saying the evidence file was not found.
 */
export async function readDefectEvidence(
  suiteDir: string,
  path: string,
): Promise<DefectEvidence | undefined> {
  const root = resolve(suiteDir);
  const file = resolve(root, path);
  // A report is input: an evidence path leaving the suite folder is not followed.
  if (!file.startsWith(root + sep)) return undefined;
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const data = JSON.parse(text) as Partial<DefectEvidence>;
    return {
      expected: String(data.expected ?? ''),
      actual: String(data.actual ?? ''),
      message: String(data.message ?? ''),
      curl: typeof data.curl === 'string' ? data.curl : undefined,
      artifacts: Array.isArray(data.artifacts)
        ? data.artifacts.filter((item) => typeof item === 'string')
        : [],
      exchanges: Array.isArray(data.exchanges) ? data.exchanges : [],
    };
  } catch {
    return undefined;
  }
}
