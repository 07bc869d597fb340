import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: (string | number | { target: number; published?: string | number })[];
  volumes?: (string | { type?: string; source?: string; target: string })[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  container_name?: string;
  [key: string]: unknown;
}

export interface ComposeFile {
  name?: string;
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  [key: string]: unknown;
}

export function composeText(): string {
  return readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8');
}

/** The compose file as YAML says it (anchors resolved), before variable interpolation. */
export function rawCompose(): ComposeFile {
  return parse(composeText()) as ComposeFile;
}

/**
 * Compose's variable interpolation (`$$`, `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?error}`, `${VAR?error}`, `${VAR:+alt}`, `${VAR+alt}`) over every string value, as
 * `docker compose` applies it before validating. Throws the `?` message for a missing variable.
 */
export function interpolateCompose(
  document: ComposeFile,
  env: Record<string, string | undefined>,
): ComposeFile {
  return interpolateValue(document, env) as ComposeFile;
}

const REFERENCE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

export function interpolateString(text: string, env: Record<string, string | undefined>): string {
  return text.replace(
    REFERENCE,
    (match, braced?: string, operator?: string, operand?: string, bare?: string) => {
      if (match === '$$') return '$';
      const name = (braced ?? bare) as string;
      const value = env[name];
      const unset = value === undefined;
      const unsetOrEmpty = unset || value === '';
      switch (operator) {
        case ':-':
          return unsetOrEmpty ? (operand ?? '') : (value as string);
        case '-':
          return unset ? (operand ?? '') : (value as string);
        case ':?':
          if (unsetOrEmpty) throw new Error(`required variable ${name} is missing a value: ${operand}`);
          return value as string;
        case '?':
          if (unset) throw new Error(`required variable ${name} is missing a value: ${operand}`);
          return value as string;
        case ':+':
          return unsetOrEmpty ? '' : (operand ?? '');
        case '+':
          return unset ? '' : (operand ?? '');
        default:
          return value ?? '';
      }
    },
  );
}

/** Every `${VAR…}` / `$VAR` reference in the file's text, with how it is guarded. */
export function variableReferences(text: string): { name: string; operator: string | undefined }[] {
  return [...text.matchAll(REFERENCE)]
    .filter(([match]) => match !== '$$')
    .map(([, braced, operator, , bare]) => ({ name: (braced ?? bare) as string, operator }));
}

function interpolateValue(value: unknown, env: Record<string, string | undefined>): unknown {
  if (typeof value === 'string') return interpolateString(value, env);
  if (Array.isArray(value)) return value.map((item) => interpolateValue(item, env));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolateValue(item, env)]));
  }
  return value;
}

/** The command a service runs as one string (exec or shell form). */
export function commandLine(command: string | string[] | undefined): string | undefined {
  return Array.isArray(command) ? command.join(' ') : command;
}
