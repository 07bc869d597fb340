import { stringify } from 'yaml';
import type { SourceDocument } from '../store/stores.ts';
import type { JobRecord } from './job.ts';

type NewSource = Omit<SourceDocument, 'id' | 'createdAt' | 'digest'>;

/**
 * The documents a job worked from, kept per project (deduplicated by content): inline specs,
 * requirements, test files, defect histories, and the page model an exploration produced.
 */
export function jobSources(job: JobRecord, outputs: { path: string; content: Buffer }[]): NewSource[] {
  const input = job.input;
  const found: NewSource[] = [];
  const add = (kind: NewSource['kind'], origin: string, content: string) =>
    found.push({ projectId: job.projectId, kind, origin, content });
  const spec = input['openapi_spec'];
  if (typeof spec === 'string') add('openapi', 'inline', spec);
  else if (spec && typeof spec === 'object') add('openapi', 'inline', stringify(spec));
  const requirements = input['requirements'];
  if (Array.isArray(requirements) && requirements.length > 0)
    add('requirements', 'inline', requirements.map(String).join('\n\n'));
  const files = input['files'];
  if (Array.isArray(files) && files.length > 0) add('tests', 'inline', JSON.stringify(files));
  const defects = input['defects'] as { format?: string; content?: string } | undefined;
  if (defects?.content) add('defects', `inline.${defects.format ?? 'json'}`, defects.content);
  for (const output of outputs)
    if (/(^|\/)model\/site-model\.json$/.test(output.path))
      add(
        'page-model',
        typeof input['url'] === 'string' ? input['url'] : output.path,
        output.content.toString('utf8'),
      );
  return found;
}
