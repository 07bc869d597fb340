import { describe, expect, it } from 'vitest';
import { ENVIRONMENTS } from '../../deploy/src/environments.ts';
import { validateObject } from '../../deploy/src/validate-object.ts';
import { committedObjects, DEPLOY_DIR, yamlObjects } from './committed-manifests.ts';

const folders = [
  ...ENVIRONMENTS.map((env) => ({ name: env.name, objects: committedObjects(env.name) })),
  { name: 'argocd', objects: yamlObjects(new URL('argocd/applications.yaml', DEPLOY_DIR)) },
];

describe.each(folders)('deploy/$name', ({ objects }) => {
  it.each(objects.map((object) => [`${object.kind} ${object.metadata.name}`, object]))(
    '%s matches its Kubernetes or CRD schema',
    (_name, object) => {
      expect(() => validateObject(object)).not.toThrow();
    },
  );
});

describe('the schemas', () => {
  const [deployment] = committedObjects('prod').filter((object) => object.kind === 'Deployment');

  it('refuse a field of the wrong type', () => {
    const broken = structuredClone(deployment!) as unknown as {
      spec: { template: { spec: { containers: object[] } } };
    };
    Object.assign(broken.spec.template.spec.containers[0]!, { ports: [{ containerPort: '8080' }] });
    expect(() => validateObject(broken as never)).toThrow(/containerPort must be integer/);
  });

  it('refuse a SealedSecret whose ciphertext is not a string', () => {
    const sealed = committedObjects('prod').find((object) => object.kind === 'SealedSecret')!;
    const broken = { ...sealed, spec: { encryptedData: { DATABASE_URL: 42 } } };
    expect(() => validateObject(broken as never)).toThrow(/SealedSecret/);
  });

  it('refuse a kind nobody checks', () => {
    expect(() => validateObject({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } })).toThrow(
      /no schema for this kind/,
    );
  });
});
