import { createHash } from 'node:crypto';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { IVolumeMount } from 'kubernetes-models/v1/VolumeMount';
import { OPTIONAL_SECRET_SERVICE_VARIABLES, SECRET_SERVICE_VARIABLES } from '../../src/service/config.ts';
import type { Environment } from './environment.ts';
import { releaseImage } from './image.ts';
import { NAMES, selectorLabels, type Component } from './labels.ts';
import { DATA_DIR, serviceSettings } from './service-settings.ts';

/** The image's `node` user: numeric, because runAsNonRoot cannot verify a user given by name. */
const NODE_UID = 1000;

/** A writable folder on a read-only root filesystem. */
export interface ScratchVolume {
  name: string;
  mountPath: string;
  sizeLimit: string;
  /** Memory-backed (counts against the container's memory limit). */
  inMemory?: boolean;
}

export interface PodTemplateOptions {
  env: Environment;
  component: Component;
  /** Arguments after the image's entrypoint (tini): the `testops` command this pod runs. */
  args: string[];
  scratch: ScratchVolume[];
  terminationGracePeriodSeconds: number;
  container: Pick<IContainer, 'ports' | 'startupProbe' | 'livenessProbe' | 'readinessProbe' | 'lifecycle'>;
}

export function podTemplate(options: PodTemplateOptions): IPodTemplateSpec {
  const { env, component } = options;
  const resources = env[component].resources;
  return {
    metadata: {
      labels: selectorLabels(component),
      // A changed setting rolls the pods: environment variables are read once, at start.
      annotations: { 'testops.dev/config-checksum': configChecksum(env) },
    },
    spec: {
      serviceAccountName: NAMES.serviceAccount,
      automountServiceAccountToken: false,
      // Service links would add TESTOPS_*_PORT variables of their own beside our settings.
      enableServiceLinks: false,
      terminationGracePeriodSeconds: options.terminationGracePeriodSeconds,
      securityContext: {
        runAsNonRoot: true,
        runAsUser: NODE_UID,
        runAsGroup: NODE_UID,
        fsGroup: NODE_UID,
        seccompProfile: { type: 'RuntimeDefault' },
      },
      containers: [
        {
          name: component,
          image: releaseImage(),
          imagePullPolicy: 'IfNotPresent',
          // `args` only: the image's entrypoint (tini) stays PID 1 and forwards SIGTERM.
          args: options.args,
          ...options.container,
          envFrom: [{ configMapRef: { name: NAMES.config } }],
          env: secretVariables(),
          resources,
          securityContext: {
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            capabilities: { drop: ['ALL'] },
          },
          volumeMounts: options.scratch.map(toMount),
        },
      ],
      volumes: options.scratch.map(toVolume),
    },
  };
}

/** The two folders every process writes: temp files (tsx's cache, Chromium) and DATA_DIR. */
export function commonScratch(sizes: { tmp: string; data: string }): ScratchVolume[] {
  return [
    { name: 'tmp', mountPath: '/tmp', sizeLimit: sizes.tmp },
    { name: 'data', mountPath: DATA_DIR, sizeLimit: sizes.data },
  ];
}

function secretVariables(): IContainer['env'] {
  const fromSecret = (name: string, optional: boolean) => ({
    name,
    valueFrom: { secretKeyRef: { name: NAMES.secrets, key: name, optional } },
  });
  return [
    ...SECRET_SERVICE_VARIABLES.map((name) => fromSecret(name, false)),
    ...OPTIONAL_SECRET_SERVICE_VARIABLES.map((name) => fromSecret(name, true)),
    { name: 'HOME', value: '/tmp' },
  ];
}

function configChecksum(env: Environment): string {
  const settings = JSON.stringify(Object.entries(serviceSettings(env)).sort());
  return createHash('sha256').update(settings).digest('hex').slice(0, 16);
}

function toMount(volume: ScratchVolume): IVolumeMount {
  return { name: volume.name, mountPath: volume.mountPath };
}

function toVolume(volume: ScratchVolume): IVolume {
  return {
    name: volume.name,
    emptyDir: { sizeLimit: volume.sizeLimit, ...(volume.inMemory ? { medium: 'Memory' } : {}) },
  };
}
