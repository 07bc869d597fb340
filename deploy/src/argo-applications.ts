import { Application } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import { AppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import type { Environment } from './environment.ts';
import { IMAGE_REPOSITORY } from './image.ts';
import { objectLabels } from './labels.ts';

/** The repository Argo CD watches (set it to this repository's clone URL). */
export const REPOSITORY_URL = 'https://git.example.com/testops/testops-copilot.git';
export const ARGOCD_NAMESPACE = 'argocd';
const PROJECT = 'testops';
const UPDATER = 'argocd-image-updater.argoproj.io';

/** Argo CD's side, applied once by hand (deploy/argocd/): the project and one Application per environment. */
export function argoObjects(environments: readonly Environment[]) {
  return [project(environments), ...environments.map(application)];
}

function project(environments: readonly Environment[]): AppProject {
  return new AppProject({
    metadata: { name: PROJECT, namespace: ARGOCD_NAMESPACE, labels: objectLabels() },
    spec: {
      description: 'TestOps Copilot: the API and its workers, one namespace per environment',
      sourceRepos: [REPOSITORY_URL],
      destinations: environments.map((env) => ({
        server: 'https://kubernetes.default.svc',
        namespace: env.namespace,
      })),
      // The environments' own namespaces are the only cluster-scoped objects they create.
      clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }],
    },
  });
}

function application(env: Environment): Application {
  return new Application({
    metadata: {
      name: `testops-${env.name}`,
      namespace: ARGOCD_NAMESPACE,
      labels: objectLabels(),
      ...(env.followNewImages ? { annotations: imageUpdaterAnnotations() } : {}),
      // Deleting the Application deletes what it deployed.
      finalizers: ['resources-finalizer.argocd.argoproj.io'],
    },
    spec: {
      project: PROJECT,
      // deploy/<env>/ holds a kustomization.yaml, so Argo CD renders it with Kustomize: that is
      // what lets Image Updater override the image without touching the rendered files.
      source: { repoURL: REPOSITORY_URL, targetRevision: 'main', path: `deploy/${env.name}` },
      destination: { server: 'https://kubernetes.default.svc', namespace: env.namespace },
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        syncOptions: ['ServerSideApply=true', 'PruneLast=true'],
        retry: { limit: 5, backoff: { duration: '10s', factor: 2, maxDuration: '3m' } },
      },
    },
  });
}

/**
 * Image Updater deploys each new release tag to this environment and commits the choice back to
 * git (a .argocd-source-<app>.yaml beside the rendered files, which rendering leaves alone).
 */
function imageUpdaterAnnotations(): Record<string, string> {
  return {
    [`${UPDATER}/image-list`]: `testops=${IMAGE_REPOSITORY}`,
    [`${UPDATER}/testops.update-strategy`]: 'semver',
    // Release tags only (x.y.z): no build or branch tags.
    [`${UPDATER}/testops.allow-tags`]: 'regexp:^[0-9]+\\.[0-9]+\\.[0-9]+$',
    [`${UPDATER}/write-back-method`]: 'git',
    [`${UPDATER}/git-branch`]: 'main',
  };
}
