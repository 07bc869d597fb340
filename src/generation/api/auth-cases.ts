import type { ApiOperation } from '../../core/api-model.ts';
import { documentedStatuses } from '../../core/api-model.ts';
import type { ApiTestCase, AuthMode } from '../../core/test-case.ts';
import { act, authStatuses, makeCase, responseAssertions, statusText } from './case-helpers.ts';
import type { GenerationContext } from './generation-context.ts';

const ENFORCEABLE = new Set(['bearer', 'basic', 'api-key', 'oauth2', 'openid']);

/** Every secured operation refuses a request without credentials and one with wrong ones. */
export function authCases(context: GenerationContext, operation: ApiOperation): ApiTestCase[] {
  if (
    operation.security.length === 0 ||
    !operation.security.some((security) => ENFORCEABLE.has(security.kind))
  )
    return [];
  const expected = authStatuses(operation);
  const refusalUndocumented = !documentedStatuses(operation).some(
    (status) => status === 401 || status === 403,
  );
  const variants: [AuthMode, string][] = [
    ['none', 'a request without credentials'],
    ['invalid', `an invalid ${credentialNoun(operation).replace(/^an? /, '')}`],
  ];
  return variants.map(([auth, what]) => {
    const { request, uses } = context.requests.build(operation);
    const testCase = makeCase({
      title: `${operation.key} rejects ${what} with ${statusText(expected)}`,
      kind: 'auth',
      operation,
      steps: [
        act(`${operation.key} with ${what}`, { ...request, auth }, responseAssertions(operation, expected)),
      ],
      uses,
      priority: 'critical',
      covers: expected.map((status) => `${operation.key} ${status}`),
      writesByResources: uses.length > 0,
    });
    return refusalUndocumented ? { ...testCase, refusalUndocumented } : testCase;
  });
}

function credentialNoun(operation: ApiOperation): string {
  switch (operation.security[0]?.kind) {
    case 'bearer':
    case 'oauth2':
    case 'openid':
      return 'a bearer token';
    case 'basic':
      return 'basic credentials';
    case 'api-key':
      return `an API key in "${operation.security[0].name}"`;
    default:
      return 'credentials';
  }
}
