import { isAbsolute, relative, resolve } from 'node:path';
import { z } from 'zod';
import { TestopsError } from '../core/errors.ts';
import type { EventSink } from '../core/events.ts';
import type { UrlGuardOptions } from '../pipeline/target-guard.ts';

/** Where tools run and what they may touch. */
export interface ToolEnvironment {
  /** Every tool writes under here (one folder per task); the job's outputs in the service. */
  workDir: string;
  /**
   * Relative paths (given, and reported in tool results) are relative to this: the current
   * folder in the CLI; `workDir` when absent (the service).
   */
  baseDir?: string;
  events: EventSink;
  signal?: AbortSignal;
  /**
   * `any`: paths are the user's own (the CLI); `work-dir`: only paths inside `workDir` and
   * http(s) URLs checked by `guardFor` (the service, where inputs come from other people).
   */
  paths: 'any' | 'work-dir';
  /** The SSRF guard for a URL given by someone else; absent in the CLI, which trusts its user. */
  guardFor?: (url: string) => UrlGuardOptions;
}

/** An engine capability an agent may call: a name, what it does, typed arguments, a JSON result. */
export interface CrewTool<A extends z.ZodType = z.ZodType> {
  name: string;
  description: string;
  parameters: A;
  run(args: z.output<A>, env: ToolEnvironment, outDir: string): Promise<Record<string, unknown>>;
}

export const defineTool = <A extends z.ZodType>(tool: CrewTool<A>): CrewTool => tool as unknown as CrewTool;

/** `Name: value` lines: one string (lines split on newlines) or a list. */
export const headersArg = z
  .union([z.string(), z.array(z.string())])
  .transform((value) =>
    (Array.isArray(value) ? value : value.split(/\r?\n/)).map((line) => line.trim()).filter(Boolean),
  )
  .optional();

/** `name=value` pairs: an object, or one string with pairs separated by commas or newlines. */
export const variablesArg = z
  .union([z.record(z.string(), z.string()), z.string()])
  .transform((value) =>
    typeof value === 'string'
      ? Object.fromEntries(
          value
            .split(/[,\n]/)
            .map((pair) => pair.split('='))
            .filter((pair) => pair.length >= 2 && pair[0]!.trim() !== '')
            .map(([key, ...rest]) => [key!.trim(), rest.join('=').trim()]),
        )
      : value,
  )
  .optional();

/** A list given as a list or as one comma-separated string (CLI inputs are strings). */
export const listArg = z
  .union([z.array(z.string()), z.string()])
  .transform((value) =>
    Array.isArray(value)
      ? value
      : value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean),
  )
  .optional();

const isUrl = (value: string) => /^https?:\/\//i.test(value);

/** A spec or page source: a URL (guarded in the service), or a path the environment allows. */
export function sourceArg(env: ToolEnvironment, value: string, what: string): string {
  return isUrl(value) ? value : pathArg(env, value, what);
}

/** A path argument: resolved against the work folder; refused outside it in the service. */
export function pathArg(env: ToolEnvironment, value: string, what: string): string {
  const path = resolve(env.baseDir ?? env.workDir, value);
  const inside = relative(env.workDir, path);
  if (env.paths === 'work-dir' && (inside.startsWith('..') || isAbsolute(inside)))
    throw new TestopsError(
      'TESTOPS_INVALID_ARGUMENT',
      "must be a URL or a path inside the crew's work folder",
      {
        where: what,
        expected: 'an http(s) URL, or a folder an earlier task wrote (its `*_dir` output)',
        hint: 'the service reads no files of its own machine; send specs as URLs.',
      },
    );
  return path;
}

/** The guard for a URL argument: the environment's (service), or none (CLI). */
export function guardOf(env: ToolEnvironment, url: string | undefined): UrlGuardOptions | undefined {
  return url && isUrl(url) && env.guardFor ? env.guardFor(url) : undefined;
}

/** A path as tools report it: relative (to `baseDir`), so results name no machine paths. */
export function reportedPath(env: ToolEnvironment, path: string): string {
  return relative(env.baseDir ?? env.workDir, path) || '.';
}
