/** What differs between the places the service runs; everything else is shared by every environment. */
export interface Environment {
  /** Folder under deploy/ that Argo CD watches, and the suffix of every name. */
  name: string;
  namespace: string;
  /** Public host of the API behind the ingress (TLS by cert-manager). */
  host: string;
  api: { minReplicas: number; maxReplicas: number; resources: Resources };
  worker: {
    /** Jobs one worker pod runs at once (TESTOPS_CONCURRENCY). */
    concurrency: number;
    /** Heap of one job's thread (TESTOPS_JOB_MEMORY_MB): the pod's memory limit must hold `concurrency` of them. */
    jobMemoryMb: number;
    minReplicas: number;
    maxReplicas: number;
    resources: Resources;
    /**
     * `keda` scales on the queue's Redis lists; `hpa` is the fallback for clusters without KEDA
     * (CPU only: a queue of waiting jobs does not show in CPU, so it reacts later).
     */
    scaling: 'keda' | 'hpa';
  };
  /**
   * Redis as KEDA's scaler reaches it: `host:port`, since the scaler cannot read a URL. Its
   * password comes from the REDIS_PASSWORD key of the sealed secret.
   */
  redisAddress: string;
  redisTls: boolean;
  logLevel: string;
  otlpEndpoint: string;
  /**
   * Argo CD Image Updater follows new release tags in this environment (dev); elsewhere the
   * image changes only through a release commit that re-renders the manifests.
   */
  followNewImages: boolean;
}

export interface Resources {
  requests: { cpu: string; memory: string };
  limits: { cpu: string; memory: string };
}
