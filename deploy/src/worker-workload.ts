import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { DEFAULT_GRACE_MS } from '../../src/service/queue/retry-policy.ts';
import type { Environment } from './environment.ts';
import { NAMES, objectLabels, selectorLabels } from './labels.ts';
import { commonScratch, podTemplate } from './pod-template.ts';
import { serviceSettings } from './service-settings.ts';

/** Writing the handed-back job to the store and to Redis, then closing connections and flushing traces. */
export const HAND_BACK_MARGIN_MS = 15_000;

/**
 * On SIGTERM a worker lets running jobs finish for DEFAULT_GRACE_MS, then aborts them; each job's
 * thread has TESTOPS_JOB_STOP_GRACE_MS to stop before it is terminated, and then the job is handed
 * back to the queue. Killing the pod sooner would leave the job to wait for its lease to expire.
 */
export function workerGraceSeconds(env: Environment): number {
  const stopGraceMs = Number(serviceSettings(env)['TESTOPS_JOB_STOP_GRACE_MS']);
  return Math.ceil((DEFAULT_GRACE_MS + stopGraceMs + HAND_BACK_MARGIN_MS) / 1000);
}

export function workerObjects(env: Environment) {
  const metadata = { name: NAMES.worker, namespace: env.namespace, labels: objectLabels('worker') };
  return [
    new Deployment({
      metadata,
      spec: {
        // No replicas: KEDA or the HPA owns them.
        selector: { matchLabels: selectorLabels('worker') },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
        template: podTemplate({
          env,
          component: 'worker',
          args: ['node', 'bin/testops.js', 'worker'],
          scratch: [
            // Our Chromium flags put its shared memory in /tmp (--disable-dev-shm-usage): room for it.
            ...commonScratch({ tmp: '4Gi', data: '8Gi' }),
            // For anything else that uses POSIX shared memory (Python's multiprocessing, Chromium's
            // helpers); the container runtime's default 64 MiB is too small for a browser.
            { name: 'shm', mountPath: '/dev/shm', sizeLimit: '512Mi', inMemory: true },
          ],
          terminationGracePeriodSeconds: workerGraceSeconds(env),
          // A worker serves no HTTP: it has no endpoint to probe. A stuck job is ended by its own
          // timeout, and a dead process restarts the container.
          container: {},
        }),
      },
    }),
    new PodDisruptionBudget({
      metadata,
      // One worker at a time hands its jobs back during a node drain.
      spec: { maxUnavailable: 1, selector: { matchLabels: selectorLabels('worker') } },
    }),
  ];
}
