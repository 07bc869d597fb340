import { createRequire } from 'node:module';
import { TestopsError, describeError } from '../../core/errors.ts';

interface Swagger2Converter {
  convertObj(
    spec: unknown,
    options: { patch: boolean; warnOnly: boolean; resolve: boolean },
  ): Promise<{ openapi: Record<string, unknown> }>;
}

// swagger2openapi ships CommonJS without types.
const converter = createRequire(import.meta.url)('swagger2openapi') as Swagger2Converter;

/** Converts a Swagger 2.0 document to OpenAPI 3.0, patching small errors instead of failing. */
export async function convertSwagger2(
  document: Record<string, unknown>,
  where: string,
): Promise<Record<string, unknown>> {
  try {
    const { openapi } = await converter.convertObj(document, { patch: true, warnOnly: true, resolve: false });
    return openapi;
  } catch (error) {
    throw new TestopsError(
      'TESTOPS_SPEC_INVALID',
      `could not convert Swagger 2.0 to OpenAPI 3: ${describeError(error)}`,
      {
        where,
        expected: 'a valid Swagger 2.0 document',
        hint: 'validate the spec in an OpenAPI editor; the message above names the offending part.',
        cause: error,
      },
    );
  }
}
