import type { StringRef } from '../model/source-model.ts';
import { numberParameter, patternListParameter, patternParameter } from './parameters.ts';
import { at, type FileRule } from './rule-check.ts';

/**
 * Credentials in test code end up in every clone, CI log and report. Two signals: literals that
 * look like tokens whatever their name, and any literal bound to a secret-sounding name.
 */
export const securitySecret: FileRule = {
  id: 'security-secret',
  checkFile: (file, { rule }) => {
    const tokens = patternListParameter(rule, 'tokenPatterns');
    const names = patternParameter(rule, 'secretNamePattern', 'iu');
    const placeholder = patternParameter(rule, 'placeholderPattern', 'iu');
    const minimum = numberParameter(rule, 'minSecretLength');
    return file.strings.flatMap((literal) => {
      const token = tokens.map((pattern) => pattern.exec(literal.value)?.[0]).find(Boolean);
      if (token) return [{ ...at(literal), message: `hard-coded credential ${mask(token)}` }];
      if (isNamedSecret(literal, names, placeholder, minimum))
        return [{ ...at(literal), message: `hard-coded value for "${literal.key}": ${mask(literal.value)}` }];
      return [];
    });
  },
};

function isNamedSecret(literal: StringRef, names: RegExp, placeholder: RegExp, minimum: number): boolean {
  if (!literal.key || !names.test(literal.key)) return false;
  const value = literal.value.trim();
  // Built at run time (f-string or template holes) or obviously a stand-in: not a leak.
  return value.length >= minimum && !value.includes('{}') && !placeholder.test(value);
}

/** Enough to find it, not enough to reuse it: reports travel further than the code. */
function mask(secret: string): string {
  const shown = secret.length > 12 ? secret.slice(0, 10) : secret.slice(0, 2);
  return `"${shown}…" (${secret.length} characters)`;
}
