import type { ApiModel } from '../core/api-model.ts';
import { buildApiModel } from '../sources/openapi/build-api-model.ts';
import { loadSpec } from '../sources/openapi/load-spec.ts';
import type { UrlGuardOptions } from '../sources/url-guard.ts';

/** What an API offers, read from its spec without designing tests: reconnaissance for a crew. */
export async function describeApi(
  spec: string,
  options: { guard?: UrlGuardOptions } = {},
): Promise<ApiModel> {
  return buildApiModel(await loadSpec(spec, { guard: options.guard }));
}
