import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findDrift } from '../../deploy/src/drift.ts';
import { ENVIRONMENTS } from '../../deploy/src/environments.ts';
import { renderAll } from '../../deploy/src/render.ts';
import { DEPLOY_DIR } from './committed-manifests.ts';

const sealedDir = new URL('sealed/', DEPLOY_DIR);
const fresh = renderAll({ sealedDir });

describe('rendered manifests', () => {
  it('renders every environment and Argo CD', () => {
    const folders = new Set(fresh.map((file) => file.path.split('/')[0]));
    expect([...folders].sort()).toEqual([...ENVIRONMENTS.map((env) => env.name), 'argocd'].sort());
  });

  it('are committed exactly as a fresh render writes them (run `npm run deploy:render`)', () => {
    expect(findDrift(fileURLToPath(DEPLOY_DIR), fresh)).toEqual([]);
  });

  describe('drift', () => {
    let copy = '';
    afterAll(() => rmSync(copy, { recursive: true, force: true }));

    it('is found for an edited, a deleted and an unknown file, not for Image Updater’s', () => {
      copy = mkdtempSync(join(tmpdir(), 'testops-deploy-'));
      for (const file of fresh) {
        mkdirSync(dirname(join(copy, file.path)), { recursive: true });
        writeFileSync(join(copy, file.path), file.text);
      }
      const [edited, deleted] = fresh;
      writeFileSync(join(copy, edited!.path), `${edited!.text}# hand edit\n`);
      rmSync(join(copy, deleted!.path));
      writeFileSync(join(copy, 'prod/extra.yaml'), 'kind: ConfigMap\n');
      writeFileSync(join(copy, 'dev/.argocd-source-testops-dev.yaml'), 'kustomize: {}\n');
      expect(findDrift(copy, fresh).sort()).toEqual(
        [`changed ${edited!.path}`, `missing ${deleted!.path}`, 'stale prod/extra.yaml'].sort(),
      );
    });
  });
});
