import { ZodError } from 'zod';
import { TestopsError, describeError } from '../../core/errors.ts';
import type { JobError } from './job.ts';

/** The error a job records: our code and message, an input's first issue, or TESTOPS_INTERNAL. */
export function toJobError(error: unknown): JobError {
  if (error instanceof TestopsError)
    return { code: error.code, message: error.message, ...(error.where ? { where: error.where } : {}) };
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    return {
      code: 'TESTOPS_INVALID_ARGUMENT',
      message: issue ? `${issue.path.join('.') || 'input'}: ${issue.message}` : 'invalid input',
      ...(issue ? { where: issue.path.join('.') } : {}),
    };
  }
  return { code: 'TESTOPS_INTERNAL', message: describeError(error) };
}
