import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { ENVIRONMENTS } from '../../deploy/src/environments.ts';
import { secretKeys, UNSEALED } from '../../deploy/src/sealed-secret.ts';
import { committedObjects, ofKind } from './committed-manifests.ts';

const root = new URL('../../', import.meta.url);

/** Kubernetes objects in every YAML and JSON file git tracks (fixtures of other tests are data, not manifests). */
function trackedObjects(): { file: string; kind: unknown }[] {
  const files = execFileSync('git', ['ls-files', '*.yaml', '*.yml', '*.json'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((file) => file && !file.includes('package-lock.json'));
  return files.flatMap((file) => {
    const text = readFileSync(new URL(file, root), 'utf8');
    if (!/\bkind\b/.test(text) || !/\bSecret\b/.test(text)) return [];
    return parseAllDocuments(text).flatMap((document) => {
      const value = document.errors.length === 0 ? (document.toJS() as { kind?: unknown } | null) : null;
      return value && typeof value === 'object' && 'apiVersion' in value ? [{ file, kind: value.kind }] : [];
    });
  });
}

describe('secrets', () => {
  it('no plaintext Secret is tracked anywhere in the repository', () => {
    expect(trackedObjects().filter((object) => object.kind === 'Secret')).toEqual([]);
  });

  it.each(ENVIRONMENTS.map((env) => [env.name, env] as const))(
    'deploy/%s seals every key the workloads and KEDA read, as ciphertext or the placeholder',
    (_name, env) => {
      const objects = committedObjects(env.name);
      expect(ofKind(objects, 'Secret')).toEqual([]);
      const [sealed] = ofKind<{ spec: { encryptedData: Record<string, string> } }>(objects, 'SealedSecret');
      const data = sealed!.spec.encryptedData;
      expect(Object.keys(data)).toEqual(expect.arrayContaining(secretKeys(env).required));
      for (const value of Object.values(data))
        expect(value === UNSEALED || /^[A-Za-z0-9+/=]{64,}$/.test(value)).toBe(true);
      const triggerAuth = ofKind<{ spec: { secretTargetRef: { key: string }[] } }>(
        objects,
        'TriggerAuthentication',
      );
      for (const ref of triggerAuth.flatMap((auth) => auth.spec.secretTargetRef))
        expect(data).toHaveProperty(ref.key);
    },
  );
});
