import type { Environment } from './environment.ts';

const dev: Environment = {
  name: 'dev',
  namespace: 'testops-dev',
  host: 'testops.dev.example.com',
  api: {
    minReplicas: 1,
    maxReplicas: 2,
    resources: { requests: { cpu: '100m', memory: '384Mi' }, limits: { cpu: '1', memory: '768Mi' } },
  },
  worker: {
    concurrency: 1,
    jobMemoryMb: 1024,
    minReplicas: 1,
    maxReplicas: 2,
    resources: { requests: { cpu: '500m', memory: '1536Mi' }, limits: { cpu: '2', memory: '2560Mi' } },
    scaling: 'hpa',
  },
  redisAddress: 'redis.testops-dev.svc.cluster.local:6379',
  redisTls: false,
  logLevel: 'debug',
  otlpEndpoint: '',
  followNewImages: true,
};

const prod: Environment = {
  name: 'prod',
  namespace: 'testops-prod',
  host: 'testops.example.com',
  api: {
    minReplicas: 2,
    maxReplicas: 6,
    resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } },
  },
  worker: {
    concurrency: 2,
    jobMemoryMb: 1536,
    minReplicas: 1,
    maxReplicas: 10,
    resources: { requests: { cpu: '1', memory: '3Gi' }, limits: { cpu: '2', memory: '5Gi' } },
    scaling: 'keda',
  },
  redisAddress: 'redis-master.testops-prod.svc.cluster.local:6379',
  redisTls: false,
  logLevel: 'info',
  otlpEndpoint: '',
  followNewImages: false,
};

/** Every environment rendered under deploy/<name>/. */
export const ENVIRONMENTS: readonly Environment[] = [dev, prod];
