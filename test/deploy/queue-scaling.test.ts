import { QueueKeys } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENTS } from '../../deploy/src/environments.ts';
import { QUEUE_NAME } from '../../src/service/queue/queue-name.ts';
import { committedObjects, ofKind } from './committed-manifests.ts';

interface ScaledObjectShape {
  spec: {
    scaleTargetRef: { name: string };
    fallback?: { replicas: number };
    triggers: { type: string; metadata: Record<string, string> }[];
  };
}

const keda = ENVIRONMENTS.filter((env) => env.worker.scaling === 'keda');

describe('workers scaled by queue depth', () => {
  it('at least one environment scales workers with KEDA, another with the HPA fallback', () => {
    expect(keda.length).toBeGreaterThan(0);
    expect(ENVIRONMENTS.some((env) => env.worker.scaling === 'hpa')).toBe(true);
  });

  it.each(keda.map((env) => [env.name, env] as const))(
    'deploy/%s counts the BullMQ lists the service’s queue uses, one pod per `concurrency` jobs',
    (name, env) => {
      const objects = committedObjects(name);
      const [configMap] = ofKind<{ data: Record<string, string> }>(objects, 'ConfigMap');
      const keys = new QueueKeys(configMap!.data['TESTOPS_QUEUE_PREFIX']);
      const [scaled] = ofKind<ScaledObjectShape>(objects, 'ScaledObject');
      expect(scaled!.spec.scaleTargetRef.name).toBe('testops-worker');
      expect(scaled!.spec.fallback?.replicas).toBeGreaterThan(0);
      const triggers = scaled!.spec.triggers;
      expect(triggers.map((trigger) => trigger.type)).toEqual(['redis', 'redis']);
      expect(triggers.map((trigger) => trigger.metadata['listName'])).toEqual([
        keys.toKey(QUEUE_NAME, 'wait'),
        keys.toKey(QUEUE_NAME, 'active'),
      ]);
      for (const trigger of triggers) {
        expect(trigger.metadata['listLength']).toBe(configMap!.data['TESTOPS_CONCURRENCY']);
        expect(trigger.metadata['address']).toBe(env.redisAddress);
      }
    },
  );
});
