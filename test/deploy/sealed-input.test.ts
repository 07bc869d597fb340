import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ENVIRONMENTS } from '../../deploy/src/environments.ts';
import { sealedSecret, UNSEALED } from '../../deploy/src/sealed-secret.ts';

const prod = ENVIRONMENTS.find((env) => env.name === 'prod')!;
const folder = mkdtempSync(join(tmpdir(), 'testops-sealed-'));
const sealedDir = pathToFileURL(`${folder}/`);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** What `kubeseal --format yaml` writes: a SealedSecret with one ciphertext per key. */
function kubesealOutput(namespace: string, keys: string[]): string {
  return stringify({
    apiVersion: 'bitnami.com/v1alpha1',
    kind: 'SealedSecret',
    metadata: { name: 'testops-secrets', namespace, creationTimestamp: null },
    spec: {
      encryptedData: Object.fromEntries(keys.map((key) => [key, `AgB${key.length}${'x'.repeat(80)}`])),
      template: { metadata: { name: 'testops-secrets', namespace } },
    },
  });
}

describe('sealed secrets', () => {
  it('renders placeholders for every key while an environment is not sealed', () => {
    const rendered = sealedSecret(prod, new URL('missing/', sealedDir));
    expect(Object.values(rendered.spec.encryptedData).every((value) => value === UNSEALED)).toBe(true);
    expect(Object.keys(rendered.spec.encryptedData)).toContain('TESTOPS_LLM_API_KEY');
  });

  it('takes kubeseal’s ciphertext, and leaves out the optional model key when it was not sealed', () => {
    const keys = ['TESTOPS_SECRET_KEY', 'DATABASE_URL', 'REDIS_URL', 'REDIS_PASSWORD'];
    writeFileSync(join(folder, 'prod.yaml'), kubesealOutput(prod.namespace, keys));
    const rendered = sealedSecret(prod, sealedDir);
    expect(Object.keys(rendered.spec.encryptedData).sort()).toEqual([...keys].sort());
    expect(rendered.spec.encryptedData['DATABASE_URL']).toMatch(/^AgB/);
  });

  it('marks a required key that was not sealed', () => {
    writeFileSync(join(folder, 'prod.yaml'), kubesealOutput(prod.namespace, ['DATABASE_URL']));
    expect(sealedSecret(prod, sealedDir).spec.encryptedData['REDIS_URL']).toBe(UNSEALED);
  });

  it('refuses ciphertext sealed for another namespace: it would never open', () => {
    writeFileSync(join(folder, 'prod.yaml'), kubesealOutput('testops-dev', ['DATABASE_URL']));
    expect(() => sealedSecret(prod, sealedDir)).toThrow(
      /sealed for testops-dev\/testops-secrets, expected testops-prod/,
    );
  });

  it('refuses a plaintext Secret where kubeseal’s output belongs', () => {
    writeFileSync(join(folder, 'prod.yaml'), stringify({ apiVersion: 'v1', kind: 'Secret', metadata: {} }));
    expect(() => sealedSecret(prod, sealedDir)).toThrow(/expected kubeseal's output/);
  });
});
