import { Ajv } from 'ajv';
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { TestopsError } from '../../../core/errors.ts';
import {
  invalidRulesFile,
  RULES_EXAMPLE,
  schemaError,
  where,
  type RulesFileText,
} from './rules-file-errors.ts';
import { rulesFileSchema } from './rules-file-schema.ts';
import type { RuleSet, RulesOverrides } from './rule-types.ts';

/**
 * Reads and validates a user's rules file (YAML or JSON). Anything wrong in it is bad input:
 * a TestopsError saying where (file:line:column and JSON pointer), what was expected, and a tip.
 */
export async function readRulesFile(path: string, defaults: RuleSet): Promise<RulesOverrides> {
  const text = await readFile(path, 'utf8').catch((cause: unknown) => {
    throw new TestopsError('TESTOPS_SOURCE_NOT_FOUND', 'rules file not found', {
      where: path,
      expected: 'a YAML or JSON rules file',
      hint: `check the --rules path; the file changes the default rules, ${RULES_EXAMPLE}.`,
      cause,
    });
  });
  const lines = new LineCounter();
  const file: RulesFileText = {
    path,
    lines,
    document: parseDocument(text, { lineCounter: lines, prettyErrors: false }),
  };
  const syntax = file.document.errors[0];
  if (syntax) {
    const { line, col } = lines.linePos(syntax.pos[0]);
    throw invalidRulesFile(
      `${path}:${line}:${col}`,
      `it is not valid YAML or JSON (${syntax.message.split('\n')[0]})`,
      {
        expected: 'a YAML or JSON mapping',
        hint: 'fix the syntax at that line; JSON files are read as YAML, so both work.',
      },
    );
  }
  const data = (file.document.toJS() ?? {}) as unknown;
  const validate = new Ajv({ allErrors: false, verbose: true, strict: true }).compile<RulesOverrides>(
    rulesFileSchema(defaults),
  );
  if (!validate(data)) throw schemaError(file, validate.errors?.[0], defaults);
  checkPatterns(file, data);
  return data;
}

/** Patterns compile now, so a bad one is reported against the rules file rather than mid-check. */
function checkPatterns(file: RulesFileText, data: RulesOverrides): void {
  for (const [id, override] of Object.entries(data.rules ?? {})) {
    if (typeof override !== 'object') continue;
    for (const [name, value] of Object.entries(override.parameters ?? {})) {
      // Parameters named pattern, …Pattern or …Patterns hold regular expressions.
      if (!/(^p|P)atterns?$/.test(name)) continue;
      const patterns = Array.isArray(value) ? value : [String(value)];
      patterns.forEach((pattern, index) => {
        try {
          new RegExp(pattern, 'u');
        } catch (cause) {
          const segments = [
            'rules',
            id,
            'parameters',
            name,
            ...(Array.isArray(value) ? [String(index)] : []),
          ];
          throw invalidRulesFile(where(file, segments), `"${pattern}" is not a valid regular expression`, {
            expected: 'a JavaScript regular expression',
            hint: `${(cause as Error).message}; escape special characters with a backslash.`,
          });
        }
      });
    }
  }
}
