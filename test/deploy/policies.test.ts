import { describe, expect, it } from 'vitest';
import { ENVIRONMENTS } from '../../deploy/src/environments.ts';
import { productVersion } from '../../deploy/src/image.ts';
import { DEFAULT_GRACE_MS } from '../../src/service/queue/retry-policy.ts';
import {
  bytes,
  committedObjects,
  ofKind,
  podSpecs,
  type ContainerShape,
  type DeploymentShape,
} from './committed-manifests.ts';

/** What one worker pod needs beside its jobs' heaps: the main process and the browser. */
const WORKER_BASE_MEMORY = bytes('1Gi');

describe.each(ENVIRONMENTS.map((env) => ({ env, objects: committedObjects(env.name) })))(
  'deploy/$env.name',
  ({ env, objects }) => {
    const pods = podSpecs(objects);
    const containers = pods.flatMap(({ name, pod }) =>
      pod.containers.map((container) => ({ name, container })),
    );
    const settings = ofKind<{ data: Record<string, string> }>(objects, 'ConfigMap')[0]!.data;

    it('runs the API and the workers', () => {
      expect(pods.map(({ name }) => name).sort()).toEqual(['testops-api', 'testops-worker']);
    });

    it('puts every object in the environment’s namespace', () => {
      for (const object of objects.filter((object) => object.kind !== 'Namespace'))
        expect(object.metadata.namespace, `${object.kind} ${object.metadata.name}`).toBe(env.namespace);
    });

    it('runs no container as root, with a read-only root filesystem and no privileges', () => {
      for (const { name, pod } of pods) {
        expect(pod.securityContext?.runAsNonRoot, name).toBe(true);
        // runAsNonRoot alone cannot check the image's user when it is given by name.
        expect(pod.securityContext?.runAsUser, name).toBeGreaterThan(0);
        for (const container of pod.containers) {
          expect(container.securityContext?.runAsUser ?? 1).toBeGreaterThan(0);
          expect(container.securityContext).toMatchObject({
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            capabilities: { drop: ['ALL'] },
          });
        }
      }
    });

    it('sets requests and limits of CPU and memory on every container', () => {
      for (const { name, container } of containers)
        for (const kind of ['requests', 'limits'] as const)
          expect(Object.keys(container.resources?.[kind] ?? {}).sort(), `${name} ${kind}`).toEqual([
            'cpu',
            'memory',
          ]);
    });

    it('pins every image to the released version (no latest)', () => {
      for (const { container } of containers) {
        expect(container.image).toMatch(/^[^:@]+(:\d+\.\d+\.\d+[^:@]*|@sha256:[0-9a-f]{64})$/);
        expect(container.image.endsWith(`:${productVersion()}`)).toBe(true);
      }
    });

    it('gives every process writable temp and data folders, and Chromium shared memory', () => {
      for (const { name, pod } of pods) {
        const scratch = new Set(
          pod.volumes?.filter((volume) => volume.emptyDir).map((volume) => volume.name),
        );
        const writable = pod.containers[0]!.volumeMounts!.filter((mount) => scratch.has(mount.name));
        const paths = writable.map((mount) => mount.mountPath);
        expect(paths, name).toEqual(expect.arrayContaining(['/tmp', settings['TESTOPS_DATA_DIR']]));
      }
      const worker = pods.find(({ name }) => name === 'testops-worker')!.pod;
      const shm = worker.containers[0]!.volumeMounts!.find((mount) => mount.mountPath === '/dev/shm')!;
      expect(worker.volumes!.find((volume) => volume.name === shm.name)?.emptyDir?.medium).toBe('Memory');
    });

    it('keeps Kubernetes’ service link variables out of our TESTOPS_ namespace', () => {
      for (const { pod } of pods) expect(pod.enableServiceLinks).toBe(false);
    });

    it('lets a stopping worker hand its jobs back before it is killed', () => {
      const worker = pods.find(({ name }) => name === 'testops-worker')!.pod;
      const handBackMs = DEFAULT_GRACE_MS + Number(settings['TESTOPS_JOB_STOP_GRACE_MS']);
      expect(worker.terminationGracePeriodSeconds! * 1000).toBeGreaterThan(handBackMs);
    });

    it('gives a worker pod memory for `concurrency` job heaps and the browser', () => {
      const worker = containers.find(({ name }) => name === 'testops-worker')!.container;
      const heaps =
        Number(settings['TESTOPS_CONCURRENCY']) * Number(settings['TESTOPS_JOB_MEMORY_MB']) * 2 ** 20;
      expect(bytes(worker.resources!.limits!['memory']!)).toBeGreaterThanOrEqual(heaps + WORKER_BASE_MEMORY);
    });

    it('scales each workload with exactly one autoscaler, and leaves it the replica count', () => {
      const targets = [
        ...ofKind<{ spec: { scaleTargetRef: { name: string } } }>(objects, 'HorizontalPodAutoscaler'),
        ...ofKind<{ spec: { scaleTargetRef: { name: string } } }>(objects, 'ScaledObject'),
      ].map((scaler) => scaler.spec.scaleTargetRef.name);
      expect(targets.sort()).toEqual(['testops-api', 'testops-worker']);
      for (const deployment of ofKind<DeploymentShape>(objects, 'Deployment'))
        expect(deployment.spec.replicas, deployment.metadata.name).toBeUndefined();
    });

    it('selects the pods it means: Deployment, Service and disruption budgets', () => {
      const deployments = ofKind<DeploymentShape>(objects, 'Deployment');
      const podLabels = (name: string) =>
        deployments.find((deployment) => deployment.metadata.name === name)!.spec.template.metadata.labels;
      for (const deployment of deployments)
        expect(podLabels(deployment.metadata.name)).toMatchObject(deployment.spec.selector.matchLabels);
      const budgets = ofKind<{ metadata: { name: string }; spec: { selector: { matchLabels: object } } }>(
        objects,
        'PodDisruptionBudget',
      );
      expect(budgets.map((budget) => budget.metadata.name).sort()).toEqual(['testops-api', 'testops-worker']);
      for (const budget of budgets)
        expect(podLabels(budget.metadata.name)).toMatchObject(budget.spec.selector.matchLabels);
      const [service] = ofKind<{ spec: { selector: object } }>(objects, 'Service');
      expect(podLabels('testops-api')).toMatchObject(service!.spec.selector);
    });

    it('lets the ingress pass bodies as large as the service accepts', () => {
      const [ingress] = ofKind(objects, 'Ingress');
      const size = ingress!.metadata.annotations!['nginx.ingress.kubernetes.io/proxy-body-size']!;
      expect(bytes(size.replace(/m$/, 'Mi'))).toBeGreaterThanOrEqual(Number(settings['TESTOPS_BODY_LIMIT']));
    });

    it('runs no container with a command of its own, so tini stays PID 1', () => {
      for (const { container } of containers) expect((container as ContainerShape).command).toBeUndefined();
    });
  },
);
