import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { Environment } from './environment.ts';
import { NAMES, objectLabels } from './labels.ts';
import { serviceSettings } from './service-settings.ts';

/** Every plain setting of the service, read by the API and the workers alike. */
export function configMap(env: Environment): ConfigMap {
  return new ConfigMap({
    metadata: { name: NAMES.config, namespace: env.namespace, labels: objectLabels() },
    data: serviceSettings(env),
  });
}
