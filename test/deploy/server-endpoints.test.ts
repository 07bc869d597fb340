import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENVIRONMENTS } from '../../deploy/src/environments.ts';
import { loadServiceConfig } from '../../src/service/config.ts';
import { buildApp } from '../../src/service/http/build-app.ts';
import {
  committedObjects,
  ofKind,
  podSpecs,
  type DeploymentShape,
  type ProbeShape,
} from './committed-manifests.ts';

// The real HTTP app, with no database or queue behind it: only its routes are looked at.
let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp({
    config: loadServiceConfig({}),
    stores: {} as never,
    queue: {} as never,
    bus: {} as never,
    metrics: undefined,
    readiness: [],
    traceparent: () => undefined,
  });
  await app.ready();
});
afterAll(() => app.close());

const hasGet = (url: string) => app.hasRoute({ method: 'GET', url });

describe.each(ENVIRONMENTS.map((env) => ({ env, objects: committedObjects(env.name) })))(
  'deploy/$env.name against the server’s routes',
  ({ objects }) => {
    const api = podSpecs(objects).find(({ name }) => name === 'testops-api')!.pod.containers[0]!;

    it('probes the API on /health (liveness, startup) and /ready (readiness), routes the server has', () => {
      expect(api.livenessProbe?.httpGet?.path).toBe('/health');
      expect(api.startupProbe?.httpGet?.path).toBe('/health');
      expect(api.readinessProbe?.httpGet?.path).toBe('/ready');
      for (const probe of [api.livenessProbe, api.readinessProbe, api.startupProbe])
        expect(hasGet(probe!.httpGet!.path)).toBe(true);
    });

    it('probes the port the server listens on', () => {
      const listening = Number(api.args![api.args!.indexOf('--port') + 1]);
      for (const probe of [api.livenessProbe, api.readinessProbe, api.startupProbe] as ProbeShape[]) {
        const port = api.ports!.find((candidate) => candidate.name === probe.httpGet!.port);
        expect(port?.containerPort).toBe(listening);
      }
    });

    it('gives the worker no HTTP probe: `testops worker` serves no HTTP, a probe would only kill it', () => {
      const worker = podSpecs(objects).find(({ name }) => name === 'testops-worker')!.pod.containers[0]!;
      expect([worker.livenessProbe, worker.readinessProbe, worker.startupProbe]).toEqual([
        undefined,
        undefined,
        undefined,
      ]);
      expect(worker.ports).toBeUndefined();
    });

    it('waits for /ready longer than the 5 s it gives each dependency', () => {
      expect(api.readinessProbe!.timeoutSeconds).toBeGreaterThan(5);
    });

    it('publishes only paths the server serves, and not /metrics', () => {
      const [ingress] = ofKind<{
        spec: { rules: { http: { paths: { path: string; pathType: string }[] } }[] };
      }>(objects, 'Ingress');
      const paths = ingress!.spec.rules.flatMap((rule) => rule.http.paths);
      const documented = Object.keys((app.swagger() as { paths: object }).paths);
      for (const { path, pathType } of paths) {
        const served =
          hasGet(path) || (pathType === 'Prefix' && documented.some((route) => route.startsWith(`${path}/`)));
        expect(served, path).toBe(true);
        expect(pathType === 'Prefix' && '/metrics'.startsWith(path), path).toBe(false);
      }
    });

    it('lets Prometheus scrape /metrics, a route of the server', () => {
      const deployment = ofKind<DeploymentShape>(objects, 'Deployment').find(
        (candidate) => candidate.metadata.name === 'testops-api',
      )!;
      const annotations = deployment.spec.template.metadata.annotations!;
      expect(annotations['prometheus.io/path']).toBe('/metrics');
      expect(hasGet(annotations['prometheus.io/path']!)).toBe(true);
    });
  },
);
