// An OpenAPI document written in a test, read as the CLI reads one: the model, and the suite the
// generator designs for it.
import type { ApiModel } from '../../src/core/api-model.ts';
import type { ApiSuite } from '../../src/core/test-case.ts';
import { generateApiSuite } from '../../src/generation/api/generate-api-suite.ts';
import { buildApiModel } from '../../src/sources/openapi/build-api-model.ts';

export function modelOfDocument(document: Record<string, unknown>, location = 'openapi.json'): ApiModel {
  return buildApiModel({ location, sourceVersion: '3.0', document, referenceIssues: [] });
}

export function suiteOfDocument(document: Record<string, unknown>, location = 'openapi.json'): ApiSuite {
  return generateApiSuite(modelOfDocument(document, location), { specSource: location });
}

/** A JSON body or response of this schema. */
export const jsonContent = (schema: unknown) => ({ content: { 'application/json': { schema } } });
