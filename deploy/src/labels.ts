/** The component of the product an object belongs to. */
export type Component = 'api' | 'worker';

export const PART_OF = 'testops-copilot';

/** Labels that select a component's pods: never change them, a Deployment's selector is immutable. */
export function selectorLabels(component: Component): Record<string, string> {
  return { 'app.kubernetes.io/name': `testops-${component}`, 'app.kubernetes.io/part-of': PART_OF };
}

export function objectLabels(component?: Component): Record<string, string> {
  return {
    ...(component ? selectorLabels(component) : {}),
    'app.kubernetes.io/part-of': PART_OF,
    'app.kubernetes.io/managed-by': 'argocd',
  };
}

/** One name per object kind and component, the same in every environment (namespaces keep them apart). */
export const NAMES = {
  api: 'testops-api',
  worker: 'testops-worker',
  config: 'testops-config',
  secrets: 'testops-secrets',
  serviceAccount: 'testops',
  redisAuth: 'testops-redis',
} as const;
