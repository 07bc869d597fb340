import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { Service } from 'kubernetes-models/v1/Service';
import { cpuAutoscaler } from './cpu-autoscaler.ts';
import type { Environment } from './environment.ts';
import { NAMES, objectLabels, selectorLabels } from './labels.ts';
import { commonScratch, podTemplate } from './pod-template.ts';
import { API_PORT } from './service-settings.ts';

/** Liveness and readiness routes of `testops serve` (src/service/http/routes/health-routes.ts). */
export const HEALTH_PATH = '/health';
export const READY_PATH = '/ready';
export const METRICS_PATH = '/metrics';

/** /ready gives each dependency 5 s: the probe must wait a little longer to see its answer. */
const READY_TIMEOUT_SECONDS = 7;

/** Endpoints drop a terminating pod a moment after SIGTERM; serving meanwhile avoids refused requests. */
const DRAIN_SECONDS = 5;

export function apiObjects(env: Environment) {
  const metadata = { name: NAMES.api, namespace: env.namespace, labels: objectLabels('api') };
  return [
    new Deployment({
      metadata,
      spec: {
        // No replicas: the autoscaler owns them, and Argo CD would otherwise undo its changes.
        selector: { matchLabels: selectorLabels('api') },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
        template: apiPodTemplate(env),
      },
    }),
    new Service({
      metadata,
      spec: {
        type: 'ClusterIP',
        selector: selectorLabels('api'),
        ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
      },
    }),
    new PodDisruptionBudget({
      metadata,
      spec: { maxUnavailable: 1, selector: { matchLabels: selectorLabels('api') } },
    }),
    cpuAutoscaler({ metadata, deployment: NAMES.api, replicas: env.api, averageUtilization: 70 }),
  ];
}

function apiPodTemplate(env: Environment) {
  const http = { path: HEALTH_PATH, port: 'http' };
  const template = podTemplate({
    env,
    component: 'api',
    args: ['node', 'bin/testops.js', 'serve', '--host', '0.0.0.0', '--port', String(API_PORT)],
    scratch: commonScratch({ tmp: '512Mi', data: '256Mi' }),
    // Drain, then answer running requests and flush traces (as compose's stop_grace_period).
    terminationGracePeriodSeconds: 30 + DRAIN_SECONDS,
    container: {
      ports: [{ name: 'http', containerPort: API_PORT, protocol: 'TCP' }],
      // Schema migrations run before the server listens: up to five minutes on a first start.
      startupProbe: { httpGet: http, periodSeconds: 5, failureThreshold: 60, timeoutSeconds: 3 },
      livenessProbe: { httpGet: http, periodSeconds: 10, failureThreshold: 3, timeoutSeconds: 3 },
      readinessProbe: {
        httpGet: { path: READY_PATH, port: 'http' },
        periodSeconds: 10,
        failureThreshold: 3,
        timeoutSeconds: READY_TIMEOUT_SECONDS,
      },
      lifecycle: { preStop: { exec: { command: ['sleep', String(DRAIN_SECONDS)] } } },
    },
  });
  // /metrics is not public (see ingress.ts): Prometheus scrapes the pods directly.
  template.metadata!.annotations = {
    ...template.metadata!.annotations,
    'prometheus.io/scrape': 'true',
    'prometheus.io/port': String(API_PORT),
    'prometheus.io/path': METRICS_PATH,
  };
  template.spec!.topologySpreadConstraints = [
    {
      maxSkew: 1,
      topologyKey: 'kubernetes.io/hostname',
      whenUnsatisfiable: 'ScheduleAnyway',
      labelSelector: { matchLabels: selectorLabels('api') },
    },
  ];
  return template;
}
