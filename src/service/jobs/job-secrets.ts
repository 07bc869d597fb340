/** Secrets a job needs at run time are kept encrypted in the secret store, under these names. */
export const HEADERS_SECRET = 'headers';

/** The secret name under which a job's value is kept while the job lives. */
export function jobSecretName(jobId: string, name: string): string {
  return `job:${jobId}:${name}`;
}
