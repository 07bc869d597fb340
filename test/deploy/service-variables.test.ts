import { describe, expect, it } from 'vitest';
import { ENVIRONMENTS } from '../../deploy/src/environments.ts';
import { EXTRA_VARIABLES } from '../../deploy/src/service-settings.ts';
import { loadServiceConfig, SECRET_SERVICE_VARIABLES, SERVICE_VARIABLES } from '../../src/service/config.ts';
import { committedObjects, ofKind, podSpecs } from './committed-manifests.ts';

/** The names the service's configuration reader looks up, whatever way it asks. */
function variablesRead(): Set<string> {
  const names = new Set<string>();
  const record = (_target: object, key: string | symbol) => {
    if (typeof key === 'string') names.add(key);
    return undefined;
  };
  const env = new Proxy({}, { get: record, has: (target, key) => Boolean(record(target, key)) });
  loadServiceConfig(env);
  return names;
}

describe('the service’s list of variables', () => {
  it('is exactly what its configuration reader reads', () => {
    expect([...variablesRead()].sort()).toEqual([...SERVICE_VARIABLES].sort());
  });

  it('refuses a variable missing from the list', () => {
    // Its own guard: a read of an unlisted name fails every test that loads the configuration.
    expect(SERVICE_VARIABLES).not.toContain('TESTOPS_NOT_A_SETTING');
    expect(SECRET_SERVICE_VARIABLES.every((name) => SERVICE_VARIABLES.includes(name))).toBe(true);
  });
});

describe.each(ENVIRONMENTS.map((env) => ({ env, objects: committedObjects(env.name) })))(
  'deploy/$env.name gives every process every variable the service reads',
  ({ objects }) => {
    const [configMap] = ofKind<{ metadata: { name: string }; data: Record<string, string> }>(
      objects,
      'ConfigMap',
    );
    const [sealed] = ofKind<{ metadata: { name: string }; spec: { encryptedData: Record<string, string> } }>(
      objects,
      'SealedSecret',
    );

    for (const { name, pod } of podSpecs(objects)) {
      const container = pod.containers[0]!;
      const fromConfigMap = container.envFrom?.some(
        (source) => source.configMapRef?.name === configMap!.metadata.name,
      )
        ? Object.keys(configMap!.data)
        : [];
      const fromSecret = (container.env ?? []).filter((variable) => variable.valueFrom?.secretKeyRef);
      const given = [...fromConfigMap, ...(container.env ?? []).map((variable) => variable.name)];

      it(`${name}: each one, once`, () => {
        expect(SERVICE_VARIABLES.filter((variable) => !given.includes(variable))).toEqual([]);
        expect(given.length).toBe(new Set(given).size);
      });

      it(`${name}: secrets from the sealed secret only, everything else in plain configuration`, () => {
        for (const variable of SECRET_SERVICE_VARIABLES) {
          expect(Object.keys(configMap!.data)).not.toContain(variable);
          const ref = fromSecret.find((candidate) => candidate.name === variable)?.valueFrom?.secretKeyRef;
          expect(ref, variable).toMatchObject({
            name: sealed!.metadata.name,
            key: variable,
            optional: false,
          });
          expect(Object.keys(sealed!.spec.encryptedData)).toContain(variable);
        }
      });

      it(`${name}: nothing the service does not read, unless it says why`, () => {
        const unread = given.filter((variable) => !SERVICE_VARIABLES.includes(variable));
        expect(unread.filter((variable) => !(variable in EXTRA_VARIABLES))).toEqual([]);
      });
    }
  },
);
