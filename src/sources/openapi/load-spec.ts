import { $RefParser } from '@apidevtools/json-schema-ref-parser';
import { TestopsError, describeError } from '../../core/errors.ts';
import type { OperationIssue } from '../../core/api-model.ts';
import { parseSpecText } from './parse-document.ts';
import { readSource, type ReadSourceOptions } from './read-source.ts';
import { convertSwagger2 } from './convert-swagger2.ts';

export interface LoadedSpec {
  location: string;
  sourceVersion: '2.0' | '3.0' | '3.1';
  /** An OpenAPI 3.x document whose `$ref`s are all local (external files are bundled in). */
  document: Record<string, unknown>;
  /** External references that could not be bundled; the operations using them are skipped later. */
  referenceIssues: OperationIssue[];
  /**
   * The document exactly as served, when it came over HTTP(S) as JSON OpenAPI 3.x with nothing
   * bundled in: what a suite can fetch again later and compare (see the contract drift check).
   */
  served?: Record<string, unknown>;
}

/** Reads, parses and normalises a spec to OpenAPI 3.x with local references only. */
export async function loadSpec(source: string, options: ReadSourceOptions = {}): Promise<LoadedSpec> {
  const text = await readSource(source, options);
  const parsed = parseSpecText(text);
  const sourceVersion = detectVersion(parsed, text.location);
  const document = sourceVersion === '2.0' ? await convertSwagger2(parsed, text.location) : parsed;
  const verbatim =
    sourceVersion !== '2.0' && /^https?:\/\//i.test(text.location) && text.text.trimStart().startsWith('{');
  const served = verbatim && !hasExternalReference(parsed) ? structuredClone(parsed) : undefined;
  const { bundled, referenceIssues } = await bundleExternalReferences(document, text.location, options);
  return {
    location: text.location,
    sourceVersion,
    document: bundled,
    referenceIssues,
    ...(served ? { served } : {}),
  };
}

function detectVersion(document: Record<string, unknown>, where: string): '2.0' | '3.0' | '3.1' {
  const swagger = document['swagger'];
  const openapi = document['openapi'];
  if (swagger !== undefined && String(swagger).startsWith('2')) return '2.0';
  if (typeof openapi === 'string' && /^3\.0\.\d+/.test(openapi)) return '3.0';
  if (typeof openapi === 'string' && /^3\.1\.\d+/.test(openapi)) return '3.1';
  const found = openapi ?? swagger;
  throw new TestopsError(
    'TESTOPS_SPEC_UNSUPPORTED_VERSION',
    found === undefined
      ? 'no "openapi" or "swagger" field at the top of the document'
      : `unsupported version ${JSON.stringify(found)}`,
    {
      where: `${where}#/${openapi === undefined ? 'swagger' : 'openapi'}`,
      expected: '"openapi": "3.0.x" or "3.1.x", or "swagger": "2.0"',
      hint: 'set the version field at the top of the spec; older Swagger 1.x files must be converted first.',
    },
  );
}

function hasExternalReference(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasExternalReference);
  if (node === null || typeof node !== 'object') return false;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) return true;
    if (hasExternalReference(value)) return true;
  }
  return false;
}

/**
 * Pulls external `$ref`d files into the document. Broken local references are left alone here:
 * they make single operations invalid, which the model builder reports per operation.
 */
async function bundleExternalReferences(
  document: Record<string, unknown>,
  location: string,
  options: ReadSourceOptions,
): Promise<{ bundled: Record<string, unknown>; referenceIssues: OperationIssue[] }> {
  if (!hasExternalReference(document)) return { bundled: document, referenceIssues: [] };
  const parser = new $RefParser();
  try {
    const bundled = await parser.bundle(location, structuredClone(document), {
      continueOnError: true,
      ...(options.guard ? { resolve: guardedResolvers(options) } : {}),
    });
    return { bundled: bundled as Record<string, unknown>, referenceIssues: [] };
  } catch (error) {
    const group = error as { files?: { schema?: unknown }; errors?: { message: string; path?: string[] }[] };
    if (!group.files?.schema || !Array.isArray(group.errors)) {
      throw new TestopsError(
        'TESTOPS_SPEC_INVALID',
        `could not resolve external references: ${describeError(error)}`,
        {
          where: location,
          expected: 'every external $ref to name a readable file or URL',
          hint: 'check the relative paths of external $refs; they resolve from the spec file’s folder.',
          cause: error,
        },
      );
    }
    const referenceIssues = group.errors
      .filter((issue) => !/Missing \$ref pointer "#/.test(issue.message))
      .map((issue) => ({
        operation: operationOfPath(issue.path ?? []),
        pointer:
          '#/' +
          (issue.path ?? []).map((token) => token.replaceAll('~', '~0').replaceAll('/', '~1')).join('/'),
        message: issue.message,
      }));
    return { bundled: group.files.schema as Record<string, unknown>, referenceIssues };
  }
}

function operationOfPath(path: string[]): string {
  return path[0] === 'paths' && path[1] && path[2] ? `${path[2].toUpperCase()} ${path[1]}` : '(document)';
}

/**
 * A spec from someone else must not read this machine's files through `$ref: /etc/passwd` nor
 * reach internal hosts through `$ref: http://169.254.169.254/…`: only guarded http(s) reads.
 */
function guardedResolvers(options: ReadSourceOptions) {
  return {
    file: false as const,
    http: false as const,
    guarded: {
      order: 1,
      canRead: /^https?:\/\//i,
      read: async (file: { url: string }) => (await readSource(file.url, options)).text,
    },
  };
}
