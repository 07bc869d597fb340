import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { TriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication';
import { QueueKeys } from 'bullmq';
import { QUEUE_NAME } from '../../src/service/queue/queue-name.ts';
import { cpuAutoscaler } from './cpu-autoscaler.ts';
import type { Environment } from './environment.ts';
import { NAMES, objectLabels } from './labels.ts';
import { QUEUE_PREFIX } from './service-settings.ts';

/** The sealed secret's key KEDA's Redis scaler authenticates with. */
export const REDIS_PASSWORD_KEY = 'REDIS_PASSWORD';

/**
 * BullMQ's Redis lists of the service's queue: jobs waiting for a worker, and jobs running. Named
 * by BullMQ's own key builder, so a change in its key scheme shows up here.
 */
export function queueLists(): { waiting: string; active: string } {
  const keys = new QueueKeys(QUEUE_PREFIX);
  return { waiting: keys.toKey(QUEUE_NAME, 'wait'), active: keys.toKey(QUEUE_NAME, 'active') };
}

/** KEDA on the queue's depth when the cluster has it; otherwise an HPA on CPU. */
export function workerScalingObjects(env: Environment) {
  return env.worker.scaling === 'keda' ? kedaObjects(env) : [workerCpuAutoscaler(env)];
}

function kedaObjects(env: Environment) {
  const metadata = { name: NAMES.worker, namespace: env.namespace, labels: objectLabels('worker') };
  const lists = queueLists();
  const redisTrigger = (listName: string) => ({
    type: 'redis',
    authenticationRef: { name: NAMES.redisAuth },
    metadata: {
      address: env.redisAddress,
      enableTLS: String(env.redisTls),
      listName,
      // One pod per `concurrency` jobs: what a worker pod runs at once.
      listLength: String(env.worker.concurrency),
      activationListLength: '0',
    },
  });
  return [
    new TriggerAuthentication({
      metadata: { name: NAMES.redisAuth, namespace: env.namespace, labels: objectLabels() },
      spec: { secretTargetRef: [{ parameter: 'password', name: NAMES.secrets, key: REDIS_PASSWORD_KEY }] },
    }),
    new ScaledObject({
      metadata,
      spec: {
        scaleTargetRef: { name: NAMES.worker },
        minReplicaCount: env.worker.minReplicas,
        maxReplicaCount: env.worker.maxReplicas,
        pollingInterval: 15,
        cooldownPeriod: 300,
        // Redis unreachable for KEDA: keep enough workers for the jobs that may be waiting.
        fallback: { failureThreshold: 3, replicas: Math.max(env.worker.minReplicas, 2) },
        advanced: {
          horizontalPodAutoscalerConfig: {
            // Scale down slowly: a removed worker hands its running jobs back to be started over.
            behavior: {
              scaleDown: {
                stabilizationWindowSeconds: 300,
                policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }],
              },
            },
          },
        },
        // Waiting jobs call for workers; running ones keep theirs (the HPA takes the larger need).
        triggers: [redisTrigger(lists.waiting), redisTrigger(lists.active)],
      },
    }),
  ];
}

function workerCpuAutoscaler(env: Environment) {
  return cpuAutoscaler({
    metadata: { name: NAMES.worker, namespace: env.namespace, labels: objectLabels('worker') },
    deployment: NAMES.worker,
    replicas: env.worker,
    averageUtilization: 60,
    behavior: {
      scaleDown: {
        stabilizationWindowSeconds: 300,
        policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }],
      },
    },
  });
}
