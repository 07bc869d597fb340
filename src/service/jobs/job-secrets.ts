import { headerSecretValues } from '../../core/secret-values.ts';
import type { SecretStore } from '../store/stores.ts';

/** Secrets a job needs at run time are kept encrypted in the secret store, under these names. */
export const HEADERS_SECRET = 'headers';
export const SECRET_VARIABLES_SECRET = 'secret-variables';

/**
 * What a job keeps in the secret store: never in its row, never in logs or artifacts. Executors
 * get this plain copy rather than the store: they run in a thread that cannot reach the database.
 */
export interface JobSecrets {
  /** `options.headers`: "Name: value" lines for the target. */
  headers: string[];
  /** `options.secret_variables`: suite variables whose values are secret. */
  secretVariables: Record<string, string>;
  /**
   * Project secrets the input names (an export's `target.token_secret`), by name; a name with no
   * secret is absent, and the executor says which one is missing.
   */
  named?: Record<string, string>;
}

/** The project secrets a job's input refers to by name. */
export function namedSecretRefs(input: Record<string, unknown>): string[] {
  const target = input['target'];
  const name =
    target && typeof target === 'object' ? (target as { token_secret?: unknown }).token_secret : undefined;
  return typeof name === 'string' ? [name] : [];
}

/** The secret name under which a job's value is kept while the job lives. */
export function jobSecretName(jobId: string, name: string): string {
  return `job:${jobId}:${name}`;
}

/**
 * Moves `options.headers` and `options.secret_variables` out of a job's input: the input is stored
 * in the job row (and shown by GET /tasks), the secrets only encrypted.
 */
export function splitJobSecrets(input: Record<string, unknown>): {
  input: Record<string, unknown>;
  secrets: JobSecrets;
} {
  const options = input['options'];
  const none = { headers: [], secretVariables: {} };
  if (!options || typeof options !== 'object') return { input, secrets: none };
  const {
    headers,
    secret_variables: secretVariables,
    ...rest
  } = options as {
    headers?: string[];
    secret_variables?: Record<string, string>;
  } & Record<string, unknown>;
  return {
    input: {
      ...input,
      options: {
        ...rest,
        ...(headers ? { headers: [] } : {}),
        ...(secretVariables ? { secret_variables: {} } : {}),
      },
    },
    secrets: { headers: headers ?? [], secretVariables: secretVariables ?? {} },
  };
}

type JobRef = { id: string; projectId: string };

export async function saveJobSecrets(store: SecretStore, job: JobRef, secrets: JobSecrets): Promise<void> {
  if (secrets.headers.length > 0)
    await store.put(job.projectId, jobSecretName(job.id, HEADERS_SECRET), JSON.stringify(secrets.headers));
  if (Object.keys(secrets.secretVariables).length > 0)
    await store.put(
      job.projectId,
      jobSecretName(job.id, SECRET_VARIABLES_SECRET),
      JSON.stringify(secrets.secretVariables),
    );
}

export async function readJobSecrets(
  store: SecretStore,
  job: JobRef & { input?: Record<string, unknown> },
): Promise<JobSecrets> {
  const [headers, secretVariables] = await Promise.all([
    store.get(job.projectId, jobSecretName(job.id, HEADERS_SECRET)),
    store.get(job.projectId, jobSecretName(job.id, SECRET_VARIABLES_SECRET)),
  ]);
  const named: Record<string, string> = {};
  for (const name of namedSecretRefs(job.input ?? {})) {
    const value = await store.get(job.projectId, name);
    if (value !== undefined) named[name] = value;
  }
  return {
    headers: headers ? (JSON.parse(headers) as string[]) : [],
    secretVariables: secretVariables ? (JSON.parse(secretVariables) as Record<string, string>) : {},
    ...(Object.keys(named).length > 0 ? { named } : {}),
  };
}

/** Only a failed or cancelled job can be retried: a completed one needs its secrets no more. */
export async function deleteJobSecrets(store: SecretStore, job: JobRef): Promise<void> {
  await Promise.all(
    [HEADERS_SECRET, SECRET_VARIABLES_SECRET].map((name) =>
      store.delete(job.projectId, jobSecretName(job.id, name)),
    ),
  );
}

/** The values masked in everything the job logs, publishes and stores. */
export function jobSecretValues(secrets: JobSecrets): string[] {
  return [
    ...headerSecretValues(secrets.headers),
    ...Object.values(secrets.secretVariables),
    ...Object.values(secrets.named ?? {}),
  ];
}
