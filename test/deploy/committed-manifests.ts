import { readFileSync } from 'node:fs';
import { parse, parseAllDocuments } from 'yaml';
import type { KubernetesObject } from '../../deploy/src/validate-object.ts';

/** The deploy/ folder, where Argo CD reads the rendered manifests. */
export const DEPLOY_DIR = new URL('../../deploy/', import.meta.url);

/** The objects Argo CD applies for one environment: the files its kustomization.yaml lists. */
export function committedObjects(environment: string): KubernetesObject[] {
  const folder = new URL(`${environment}/`, DEPLOY_DIR);
  const kustomization = parse(readFileSync(new URL('kustomization.yaml', folder), 'utf8')) as {
    resources: string[];
  };
  return kustomization.resources.flatMap((file) => yamlObjects(new URL(file, folder)));
}

export function yamlObjects(file: URL): KubernetesObject[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map((document) => document.toJS() as KubernetesObject | null)
    .filter((object): object is KubernetesObject => object !== null);
}

export function ofKind<T = KubernetesObject>(objects: KubernetesObject[], kind: string): T[] {
  return objects.filter((object) => object.kind === kind) as T[];
}

/** Just what the policies read of a Deployment. */
export interface DeploymentShape extends KubernetesObject {
  spec: {
    replicas?: number;
    selector: { matchLabels: Record<string, string> };
    template: {
      metadata: { labels: Record<string, string>; annotations?: Record<string, string> };
      spec: PodSpecShape;
    };
  };
}

export interface PodSpecShape {
  terminationGracePeriodSeconds?: number;
  enableServiceLinks?: boolean;
  automountServiceAccountToken?: boolean;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  containers: ContainerShape[];
  volumes?: { name: string; emptyDir?: { medium?: string; sizeLimit?: string } }[];
}

export interface ProbeShape {
  httpGet?: { path: string; port: string | number };
  timeoutSeconds?: number;
}

export interface ContainerShape {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  envFrom?: { configMapRef?: { name: string } }[];
  env?: {
    name: string;
    value?: string;
    valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } };
  }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: {
    runAsNonRoot?: boolean;
    runAsUser?: number;
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
    capabilities?: { drop?: string[] };
  };
  startupProbe?: ProbeShape;
  livenessProbe?: ProbeShape;
  readinessProbe?: ProbeShape;
  volumeMounts?: { name: string; mountPath: string }[];
}

/** Every workload's pod spec with its Deployment's name. */
export function podSpecs(objects: KubernetesObject[]): { name: string; pod: PodSpecShape }[] {
  return ofKind<DeploymentShape>(objects, 'Deployment').map((deployment) => ({
    name: deployment.metadata.name,
    pod: deployment.spec.template.spec,
  }));
}

/** Kubernetes quantities in bytes (Ki, Mi, Gi) — enough for memory limits. */
export function bytes(quantity: string): number {
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi)?$/.exec(quantity);
  if (!match) throw new Error(`not a memory quantity: ${quantity}`);
  const unit = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30 }[match[2] as 'Ki' | 'Mi' | 'Gi'] ?? 1;
  return Number(match[1]) * unit;
}
