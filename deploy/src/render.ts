import { stringify } from 'yaml';
import { apiObjects } from './api-workload.ts';
import { argoObjects } from './argo-applications.ts';
import { configMap } from './config-map.ts';
import type { Environment } from './environment.ts';
import { ENVIRONMENTS } from './environments.ts';
import { ingress } from './ingress.ts';
import { namespaceObjects } from './namespace-objects.ts';
import { sealedSecret } from './sealed-secret.ts';
import { validateObject, type KubernetesObject } from './validate-object.ts';
import { workerScalingObjects } from './worker-scaling.ts';
import { workerObjects } from './worker-workload.ts';

/** One YAML file of the output, by its path under deploy/. */
export interface RenderedFile {
  path: string;
  text: string;
}

export interface RenderOptions {
  /** Where kubeseal's output for each environment lives (deploy/sealed/). */
  sealedDir: URL;
  environments?: readonly Environment[];
}

const HEADER =
  '# Rendered by `npm run deploy:render` from deploy/src/. Do not edit: change the source and render.\n';

/** Folder under deploy/ with Argo CD's objects, applied once by hand. */
export const ARGOCD_FOLDER = 'argocd';

/** Every file of every environment, and Argo CD's: a pure function of deploy/src and deploy/sealed. */
export function renderAll(options: RenderOptions): RenderedFile[] {
  const environments = options.environments ?? ENVIRONMENTS;
  return [
    ...environments.flatMap((env) => renderEnvironment(env, options.sealedDir)),
    yamlFile(`${ARGOCD_FOLDER}/applications.yaml`, argoObjects(environments)),
  ];
}

export function renderEnvironment(env: Environment, sealedDir: URL): RenderedFile[] {
  const groups: Record<string, unknown[]> = {
    'namespace.yaml': namespaceObjects(env),
    'config.yaml': [configMap(env), sealedSecret(env, sealedDir)],
    'api.yaml': [...apiObjects(env), ingress(env)],
    'worker.yaml': [...workerObjects(env), ...workerScalingObjects(env)],
  };
  const files = Object.entries(groups).map(([name, objects]) => yamlFile(`${env.name}/${name}`, objects));
  const kustomization = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: Object.keys(groups),
  };
  return [...files, { path: `${env.name}/kustomization.yaml`, text: HEADER + stringify(kustomization) }];
}

function yamlFile(path: string, objects: unknown[]): RenderedFile {
  const plain = objects.map((object) => JSON.parse(JSON.stringify(object)) as KubernetesObject);
  for (const object of plain) validateObject(object);
  const documents = plain.map((object) => stringify(object, { lineWidth: 0 }));
  return { path, text: HEADER + documents.join('---\n') };
}
