import type { SecretStore } from '../store/stores.ts';

/** Secrets a job needs at run time are kept encrypted in the secret store, under these names. */
export const HEADERS_SECRET = 'headers';

/** Every name a job may keep a secret under. */
const JOB_SECRET_NAMES = [HEADERS_SECRET] as const;

/** The secret name under which a job's value is kept while the job lives. */
export function jobSecretName(jobId: string, name: string): string {
  return `job:${jobId}:${name}`;
}

/**
 * A job's own secrets, decrypted, by short name (e.g. `headers`). Executors get this plain copy
 * rather than the store: they run in a thread of their own, which cannot reach the database.
 */
export type JobSecrets = Readonly<Record<string, string>>;

/** Reads the secrets kept for the job (see `jobSecretName`) from the store. */
export async function readJobSecrets(
  store: SecretStore,
  job: { id: string; projectId: string },
): Promise<JobSecrets> {
  const secrets: Record<string, string> = {};
  for (const name of JOB_SECRET_NAMES) {
    const value = await store.get(job.projectId, jobSecretName(job.id, name));
    if (value !== undefined) secrets[name] = value;
  }
  return secrets;
}
