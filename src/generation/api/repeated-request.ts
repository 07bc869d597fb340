import type { RequestSpec, Step, ValueExpr } from '../../core/test-case.ts';
import { withField } from './case-helpers.ts';

/**
 * A success request sent twice, so the server meets the same thing again ("already exists"):
 * the first send is an arrangement that must succeed and keeps the run-unique values it sent
 * (names, e-mails), the second sends those same values. Model rule cases and duplicate
 * identifier cases both build on it.
 */
export interface RepeatedRequest {
  /** The first send: the success step as an arrangement, its saves and tracking renamed. */
  first: Step;
  /** The second request, carrying the first one's unique values. */
  request: RequestSpec;
}

export function repeatRequest(act: Step, title: string, request: RequestSpec = act.request): RepeatedRequest {
  const uniques = uniquePaths(act);
  let repeated = request;
  for (const [index, path] of uniques.entries())
    if (repeated.body?.kind === 'json')
      repeated = {
        ...repeated,
        body: {
          ...repeated.body,
          value: withField(repeated.body.value, path, { kind: 'saved', name: `sent_${index}` }),
        },
      };
  const first: Step = {
    ...act,
    title,
    phase: 'arrange',
    // It only has to succeed: the success case itself checks the answer's schema and echoes, so
    // a defect there is one finding, not also the reason this check never ran.
    assertions: act.assertions.filter((assertion) => assertion.kind === 'status'),
    saves: [
      ...act.saves.map((save) => ({ ...save, name: `first_${save.name}` })),
      ...uniques.map((path, index) => ({
        name: `sent_${index}`,
        path: path.join('.'),
        from: 'body' as const,
      })),
    ],
    track: act.track ? { ...act.track, saved: `first_${act.track.saved}` } : undefined,
  };
  return { first, request: repeated };
}

/** Paths of the unique values (names, emails) a request's body sends, so a repeat can send them again. */
export function uniquePaths(step: Step): string[][] {
  const paths: string[][] = [];
  const visit = (expr: ValueExpr, path: string[]): void => {
    if (expr.kind === 'unique') paths.push(path);
    else if (expr.kind === 'object')
      for (const [name, child] of Object.entries(expr.entries)) visit(child, [...path, name]);
  };
  if (step.request.body?.kind === 'json') visit(step.request.body.value, []);
  return paths;
}
