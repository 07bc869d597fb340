import { parseDocument as parseYamlDocument } from 'yaml';
import { TestopsError } from '../../core/errors.ts';
import { MAX_DOCUMENT_DEPTH, firstTooDeep } from './document-limits.ts';
import type { SourceText } from './read-source.ts';

/** Aliases a YAML document may expand (weighted by what they copy): more is a "billion laughs" bomb. */
const MAX_ALIAS_COUNT = 10_000;

/** Parses JSON or YAML (JSON is YAML, but JSON.parse is much faster on large specs). */
export function parseSpecText(source: SourceText): Record<string, unknown> {
  const trimmed = source.text.trimStart();
  const document = trimmed.startsWith('{') ? parseJson(source) : parseYaml(source);
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new TestopsError('TESTOPS_SPEC_INVALID', 'the document is not an object', {
      where: source.location,
      expected: 'an OpenAPI document: an object with "openapi" (3.x) or "swagger" (2.0) at the top',
      hint: 'make sure --spec points at the API description, not at an HTML page or a list.',
    });
  }
  const tooDeep = firstTooDeep(document);
  if (tooDeep !== undefined) throw nestedTooDeep(`${source.location}${tooDeep}`);
  return document as Record<string, unknown>;
}

function parseJson(source: SourceText): unknown {
  try {
    return JSON.parse(source.text);
  } catch (error) {
    throw new TestopsError('TESTOPS_SPEC_UNPARSABLE', `invalid JSON: ${(error as Error).message}`, {
      where: source.location,
      expected: 'a JSON or YAML document',
      hint: 'validate the file with a JSON linter; a trailing comma is the usual cause.',
    });
  }
}

function parseYaml(source: SourceText): unknown {
  const document = parseYamlDocument(source.text, { uniqueKeys: false });
  const [first] = document.errors;
  if (first) {
    const line = first.linePos?.[0];
    const where = line ? `${source.location}:${line.line}:${line.col}` : source.location;
    // The parser recurses per level and reports its own stack overflow as a syntax error.
    if (first.message.includes('Maximum call stack size exceeded')) throw nestedTooDeep(where);
    throw new TestopsError('TESTOPS_SPEC_UNPARSABLE', `invalid YAML: ${first.message.split('\n')[0]}`, {
      where,
      expected: 'a JSON or YAML document',
      hint: 'check the indentation around that line; tabs are not allowed in YAML.',
    });
  }
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // yaml throws a ReferenceError when aliases expand past the count.
    if (!(error instanceof ReferenceError)) throw error;
    throw new TestopsError(
      'TESTOPS_SPEC_TOO_COMPLEX',
      'the document expands too much: its aliases (*name) copy nodes more than ' +
        `${MAX_ALIAS_COUNT} times, as a "billion laughs" YAML bomb does`,
      {
        where: source.location,
        expected: `YAML whose anchors and aliases expand to at most ${MAX_ALIAS_COUNT} copied nodes`,
        hint: 'write the repeated parts once under components and point at them with $ref.',
        cause: error,
      },
    );
  }
}

function nestedTooDeep(where: string): TestopsError {
  return new TestopsError(
    'TESTOPS_SPEC_TOO_COMPLEX',
    `the document is nested deeper than ${MAX_DOCUMENT_DEPTH} levels`,
    {
      where,
      expected: `objects and lists nested at most ${MAX_DOCUMENT_DEPTH} levels deep`,
      hint: 'move deeply nested schemas under components.schemas and refer to them with $ref.',
    },
  );
}
