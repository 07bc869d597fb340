import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { OPTIONAL_SECRET_SERVICE_VARIABLES, SECRET_SERVICE_VARIABLES } from '../../src/service/config.ts';
import type { Environment } from './environment.ts';
import { NAMES, objectLabels } from './labels.ts';
import { REDIS_PASSWORD_KEY } from './worker-scaling.ts';

/** Stands where kubeseal's ciphertext goes until an environment's secrets are sealed. */
export const UNSEALED = 'run kubeseal: see deploy/README.md';

export interface SealedSecretObject {
  apiVersion: 'bitnami.com/v1alpha1';
  kind: 'SealedSecret';
  metadata: {
    name: string;
    namespace: string;
    labels: Record<string, string>;
    annotations: Record<string, string>;
  };
  spec: {
    encryptedData: Record<string, string>;
    template: {
      metadata: { name: string; namespace: string; labels: Record<string, string> };
      type: 'Opaque';
    };
  };
}

/** The keys an environment's secret holds; the model key is optional for the service. */
export function secretKeys(env: Environment): { required: string[]; optional: string[] } {
  return {
    required: [...SECRET_SERVICE_VARIABLES, ...(env.worker.scaling === 'keda' ? [REDIS_PASSWORD_KEY] : [])],
    optional: [...OPTIONAL_SECRET_SERVICE_VARIABLES],
  };
}

/**
 * The environment's SealedSecret: the ciphertext kubeseal wrote to deploy/sealed/<env>.yaml, or
 * placeholders while there is none. Secrets never exist in this repository in plain text.
 */
export function sealedSecret(env: Environment, sealedDir: URL): SealedSecretObject {
  const sealed = readSealed(env, new URL(`${env.name}.yaml`, sealedDir));
  const keys = secretKeys(env);
  const encryptedData: Record<string, string> = {};
  for (const key of [...keys.required, ...keys.optional]) {
    const value = sealed?.[key] ?? (keys.required.includes(key) || !sealed ? UNSEALED : undefined);
    if (value !== undefined) encryptedData[key] = value;
  }
  const metadata = { name: NAMES.secrets, namespace: env.namespace, labels: objectLabels() };
  return {
    apiVersion: 'bitnami.com/v1alpha1',
    kind: 'SealedSecret',
    // Before the workloads that read it.
    metadata: { ...metadata, annotations: { 'argocd.argoproj.io/sync-wave': '-1' } },
    spec: { encryptedData, template: { metadata, type: 'Opaque' } },
  };
}

function readSealed(env: Environment, file: URL): Record<string, string> | undefined {
  if (!existsSync(file)) return undefined;
  const document = parse(readFileSync(file, 'utf8')) as Partial<SealedSecretObject> | null;
  const where = `deploy/sealed/${env.name}.yaml`;
  if (document?.kind !== 'SealedSecret')
    throw new Error(`${where}: expected kubeseal's output (kind: SealedSecret), found ${document?.kind}.`);
  // Sealed in the default (strict) scope, the ciphertext only opens under this name and namespace.
  const { name, namespace } = document.metadata ?? {};
  if (name !== NAMES.secrets || namespace !== env.namespace)
    throw new Error(
      `${where}: sealed for ${namespace}/${name}, expected ${env.namespace}/${NAMES.secrets}. Seal again with --namespace ${env.namespace} and the name ${NAMES.secrets}.`,
    );
  return document.spec?.encryptedData ?? {};
}
