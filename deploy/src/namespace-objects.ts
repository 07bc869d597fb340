import { Namespace } from 'kubernetes-models/v1/Namespace';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { Environment } from './environment.ts';
import { NAMES, objectLabels } from './labels.ts';

/** The environment's namespace, held to the `restricted` Pod Security Standard, and the pods' identity. */
export function namespaceObjects(env: Environment) {
  return [
    new Namespace({
      metadata: {
        name: env.namespace,
        labels: {
          ...objectLabels(),
          'pod-security.kubernetes.io/enforce': 'restricted',
          'pod-security.kubernetes.io/enforce-version': 'latest',
        },
        // Before anything that lives in it.
        annotations: { 'argocd.argoproj.io/sync-wave': '-1' },
      },
    }),
    new ServiceAccount({
      metadata: { name: NAMES.serviceAccount, namespace: env.namespace, labels: objectLabels() },
      // The service never calls the Kubernetes API.
      automountServiceAccountToken: false,
    }),
  ];
}
