import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { Environment } from './environment.ts';
import { NAMES, objectLabels } from './labels.ts';
import { serviceSettings } from './service-settings.ts';

const MIB = 1024 * 1024;

/**
 * What the internet reaches: the API, its documentation and `/` (a redirect to it). /metrics,
 * /ready and the queue dashboard stay inside the cluster (Prometheus, probes, port-forward).
 */
export const PUBLIC_PATHS: readonly { path: string; pathType: 'Prefix' | 'Exact' }[] = [
  { path: '/api', pathType: 'Prefix' },
  { path: '/docs', pathType: 'Prefix' },
  { path: '/openapi.json', pathType: 'Exact' },
  { path: '/', pathType: 'Exact' },
];

/** The API's public address (ingress-nginx, with a certificate from cert-manager). */
export function ingress(env: Environment): Ingress {
  const bodyLimitMib = Math.ceil(Number(serviceSettings(env)['TESTOPS_BODY_LIMIT']) / MIB);
  return new Ingress({
    metadata: {
      name: NAMES.api,
      namespace: env.namespace,
      labels: objectLabels('api'),
      annotations: {
        'cert-manager.io/cluster-issuer': 'letsencrypt',
        // The service answers oversized bodies with its own 413; the proxy must let them reach it.
        'nginx.ingress.kubernetes.io/proxy-body-size': `${bodyLimitMib}m`,
        // Job events stream over SSE: no buffering, and streams may stay open for a long job.
        'nginx.ingress.kubernetes.io/proxy-buffering': 'off',
        'nginx.ingress.kubernetes.io/proxy-read-timeout': '3600',
      },
    },
    spec: {
      ingressClassName: 'nginx',
      tls: [{ hosts: [env.host], secretName: `${NAMES.api}-tls` }],
      rules: [
        {
          host: env.host,
          http: {
            paths: PUBLIC_PATHS.map(({ path, pathType }) => ({
              path,
              pathType,
              backend: { service: { name: NAMES.api, port: { name: 'http' } } },
            })),
          },
        },
      ],
    },
  });
}
