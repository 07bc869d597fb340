import { Ajv } from 'ajv';
import { Application } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import { AppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { TriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { SEALED_SECRET_SCHEMA } from './sealed-secret-schema.ts';

interface Validatable {
  validate(): void;
}

/** Every kind we render, by `apiVersion/kind`, with the schema that checks it. */
const MODELS: Record<string, new (data: never) => Validatable> = {
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'networking.k8s.io/v1/Ingress': Ingress,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/Service': Service,
  'v1/ServiceAccount': ServiceAccount,
  'keda.sh/v1alpha1/ScaledObject': ScaledObject,
  'keda.sh/v1alpha1/TriggerAuthentication': TriggerAuthentication,
  'argoproj.io/v1alpha1/Application': Application,
  'argoproj.io/v1alpha1/AppProject': AppProject,
};

const checkSealedSecret = new Ajv({ allErrors: true }).compile(SEALED_SECRET_SCHEMA);

export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

/** Throws, naming the object and the field, when it does not match its Kubernetes or CRD schema. */
export function validateObject(object: KubernetesObject): void {
  const type = `${object.apiVersion}/${object.kind}`;
  const where = `${type} ${object.metadata?.namespace ?? ''}/${object.metadata?.name}`;
  if (type === 'bitnami.com/v1alpha1/SealedSecret') {
    if (!checkSealedSecret(object)) throw new Error(`${where}: ${JSON.stringify(checkSealedSecret.errors)}`);
    return;
  }
  const Model = MODELS[type];
  if (!Model)
    throw new Error(`${where}: no schema for this kind; add its model to deploy/src/validate-object.ts.`);
  try {
    new Model(object as never).validate();
  } catch (error) {
    throw new Error(`${where}: ${(error as Error).message}`, { cause: error });
  }
}
