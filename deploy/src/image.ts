import { readFileSync } from 'node:fs';

/** Where CI pushes the service's image (set IMAGE in the CI templates to the same repository). */
export const IMAGE_REPOSITORY = 'registry.example.com/testops/testops-copilot';

/**
 * The image every workload runs: tagged with the version in package.json, which the release
 * script sets — so a release commit is also the commit that rolls the new image out.
 */
export function releaseImage(): string {
  return `${IMAGE_REPOSITORY}:${productVersion()}`;
}

export function productVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}
