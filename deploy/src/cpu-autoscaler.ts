import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IObjectMeta } from '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta';
import type { IHorizontalPodAutoscalerBehavior } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscalerBehavior';

/** An HPA on average CPU for one Deployment: the API's, and the workers' where KEDA is absent. */
export function cpuAutoscaler(options: {
  metadata: IObjectMeta;
  deployment: string;
  replicas: { minReplicas: number; maxReplicas: number };
  averageUtilization: number;
  behavior?: IHorizontalPodAutoscalerBehavior;
}): HorizontalPodAutoscaler {
  return new HorizontalPodAutoscaler({
    metadata: options.metadata,
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: options.deployment },
      minReplicas: options.replicas.minReplicas,
      maxReplicas: options.replicas.maxReplicas,
      metrics: [
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            target: { type: 'Utilization', averageUtilization: options.averageUtilization },
          },
        },
      ],
      ...(options.behavior ? { behavior: options.behavior } : {}),
    },
  });
}
