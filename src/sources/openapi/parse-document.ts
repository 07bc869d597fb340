import { parseDocument as parseYamlDocument } from 'yaml';
import { TestopsError } from '../../core/errors.ts';
import type { SourceText } from './read-source.ts';

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
    throw new TestopsError('TESTOPS_SPEC_UNPARSABLE', `invalid YAML: ${first.message.split('\n')[0]}`, {
      where,
      expected: 'a JSON or YAML document',
      hint: 'check the indentation around that line; tabs are not allowed in YAML.',
    });
  }
  return document.toJS({ maxAliasCount: 10_000 });
}
