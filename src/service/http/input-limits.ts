import type { preValidationAsyncHookHandler } from 'fastify';
import type { InputLimits } from '../config.ts';
import { TestopsError } from '../../core/errors.ts';

/**
 * Checks the size of what a job is given before it is stored: a request within the body limit
 * can still hold more requirements than case design finishes in minutes. Runs before the
 * contract so the caller learns the limit and how to proceed, not only that an array is too long.
 * Fields are read defensively: their shapes are the contract's to judge, after this.
 */
export function inputLimitsHook(limits: InputLimits): preValidationAsyncHookHandler {
  return async (request) => {
    const body = request.body;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return;
    const fields = body as Record<string, unknown>;
    checkRequirements(fields['requirements'], limits);
    checkFiles(fields['files'], limits);
    checkSpec(fields['openapi_spec'], limits);
  };
}

function checkRequirements(requirements: unknown, limits: InputLimits): void {
  if (!Array.isArray(requirements)) return;
  if (requirements.length > limits.requirementItems)
    throw tooMany('body.requirements', requirements.length, limits.requirementItems, 'requirements');
  const bytes = sum(requirements.map(byteLength));
  if (bytes > limits.requirementsBytes)
    throw tooLarge(
      'body.requirements',
      `${formatBytes(bytes)} of requirements text`,
      limits.requirementsBytes,
      'split the requirements across several requests (one job each), or raise TESTOPS_LIMIT_REQUIREMENTS_BYTES.',
    );
}

function checkFiles(files: unknown, limits: InputLimits): void {
  if (!Array.isArray(files)) return;
  if (files.length > limits.files) throw tooMany('body.files', files.length, limits.files, 'files');
  const sizes = files.map((file: unknown) =>
    file !== null && typeof file === 'object' ? byteLength((file as { content?: unknown }).content) : 0,
  );
  const largest = sizes.indexOf(Math.max(0, ...sizes));
  if (largest >= 0 && sizes[largest]! > limits.fileBytes)
    throw tooLarge(
      `body.files.${largest}.content`,
      `a file of ${formatBytes(sizes[largest]!)}`,
      limits.fileBytes,
      'leave generated or vendored files out, or raise TESTOPS_LIMIT_FILE_BYTES.',
    );
  const total = sum(sizes);
  if (total > limits.filesBytes)
    throw tooLarge(
      'body.files',
      `${formatBytes(total)} of files`,
      limits.filesBytes,
      'send the files in several requests (e.g. one folder each), or raise TESTOPS_LIMIT_FILES_BYTES.',
    );
}

function checkSpec(spec: unknown, limits: InputLimits): void {
  if (spec === undefined || spec === null) return;
  // The body guard has bounded its depth already, so stringifying an object is safe here.
  const bytes = typeof spec === 'string' ? byteLength(spec) : byteLength(JSON.stringify(spec));
  if (bytes > limits.specBytes)
    throw tooLarge(
      'body.openapi_spec',
      `an inline spec of ${formatBytes(bytes)}`,
      limits.specBytes,
      'send the spec by URL in openapi_url instead, or raise TESTOPS_LIMIT_SPEC_BYTES.',
    );
}

function tooMany(where: string, count: number, limit: number, what: string): TestopsError {
  const problem = `${count} ${what}; at most ${limit} per request`;
  return new TestopsError(
    'TESTOPS_INVALID_REQUEST',
    `${where}: ${problem}. Tip: split them across several requests (one job each).`,
    { problems: [{ where, problem }] },
  );
}

function tooLarge(where: string, what: string, limit: number, hint: string): TestopsError {
  const problem = `${what}; at most ${formatBytes(limit)} per request`;
  return new TestopsError('TESTOPS_REQUEST_TOO_LARGE', `${where}: ${problem}. Tip: ${hint}`, {
    problems: [{ where, problem }],
  });
}

function byteLength(value: unknown): number {
  return typeof value === 'string' ? Buffer.byteLength(value, 'utf8') : 0;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
