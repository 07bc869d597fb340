import type { ApiTestCase, ValueExpr } from '../../core/test-case.ts';
import { slug } from './case-helpers.ts';

/** Where the suite's document is served, relative to the base URL its tests call. */
export interface ServedDocument {
  path: string;
  query: Record<string, string>;
}

/**
 * The spec URL as a request of the suite, when the API serves its own document under the base
 * URL (`http://host:3042/documentation/json` for base `http://host:3042`): then each run of the
 * suite can fetch it again. A spec from a file or another host has no place in the suite.
 */
export function servedDocument(specUrl: string, baseUrl: string | undefined): ServedDocument | undefined {
  if (!baseUrl || !/^https?:\/\//i.test(specUrl)) return undefined;
  let spec: URL;
  let base: URL;
  try {
    spec = new URL(specUrl);
    base = new URL(baseUrl);
  } catch {
    return undefined;
  }
  const prefix = base.pathname.replace(/\/+$/, '');
  if (spec.origin !== base.origin || !spec.pathname.startsWith(`${prefix}/`)) return undefined;
  return {
    path: spec.pathname.slice(prefix.length),
    query: Object.fromEntries(spec.searchParams.entries()),
  };
}

export const CONTRACT_DRIFT_TITLE =
  'the served OpenAPI document has the contract this suite was generated from';

/**
 * "Contract drift": fetches the document again and compares what clients rely on (operations,
 * statuses, schemas, links) with the copy the suite was designed from. It passes when the suite
 * is generated, by construction; later it tells a user the API changed and the suite must be
 * regenerated, instead of tests going stale silently. Its failure is a stale suite, not a defect
 * of the API: the verification run never reports it as a finding.
 */
export function contractDriftCase(served: ServedDocument): ApiTestCase {
  const key = `GET ${served.path}`;
  const query: Record<string, ValueExpr> = Object.fromEntries(
    Object.entries(served.query).map(([name, value]) => [name, { kind: 'literal', value }]),
  );
  return {
    id: slug(CONTRACT_DRIFT_TITLE),
    title: CONTRACT_DRIFT_TITLE,
    kind: 'contract',
    operation: key,
    group: 'contract',
    uses: [],
    steps: [
      {
        title: `${key}: the API's own OpenAPI document`,
        phase: 'act',
        request: {
          method: 'GET',
          path: served.path,
          pathParams: {},
          query,
          headers: {},
          body: undefined,
          auth: 'valid',
        },
        assertions: [{ kind: 'status', oneOf: [200] }, { kind: 'same-contract' }],
        saves: [],
        track: undefined,
      },
    ],
    writes: false,
    priority: 'normal',
    covers: [],
  };
}
