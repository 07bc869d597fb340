import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENTS } from '../../deploy/src/environments.ts';
import { registerServeCommands } from '../../src/cli/commands/serve.ts';
import { committedObjects, ofKind, podSpecs } from './committed-manifests.ts';

const dockerfile = readFileSync(new URL('../../Dockerfile', import.meta.url), 'utf8');

/** The JSON (exec) form of a Dockerfile instruction, e.g. CMD ["node", …]. */
function instruction(name: 'ENTRYPOINT' | 'CMD'): string[] {
  const match = new RegExp(`^${name}\\s+(\\[.*\\])\\s*$`, 'm').exec(dockerfile);
  if (!match) throw new Error(`Dockerfile: no ${name} in exec form`);
  return JSON.parse(match[1]!) as string[];
}

/** `ENV A=1 \ B=2` lines of the Dockerfile, joined. */
function imageEnvironment(): Record<string, string> {
  const lines = dockerfile.replace(/\\\n\s*/g, ' ').split('\n');
  const pairs = lines
    .filter((line) => line.startsWith('ENV '))
    .flatMap((line) => [...line.slice(4).matchAll(/([A-Z_]+)=(\S+)/g)]);
  return Object.fromEntries(pairs.map((pair) => [pair[1]!, pair[2]!]));
}

describe('the image and the manifests', () => {
  const cli = new Command('testops');
  registerServeCommands(cli);
  const commands = new Map(cli.commands.map((command) => [command.name(), command]));

  it('the image starts under tini and serves the API by default', () => {
    expect(instruction('ENTRYPOINT')).toEqual(['/usr/bin/tini', '--']);
    expect(instruction('CMD').slice(0, 3)).toEqual(['node', 'bin/testops.js', 'serve']);
  });

  it.each(ENVIRONMENTS.map((env) => [env.name, committedObjects(env.name)] as const))(
    'deploy/%s runs `serve` as the image does and `worker` for workers, commands the CLI has',
    (_name, objects) => {
      const args = new Map(podSpecs(objects).map(({ name, pod }) => [name, pod.containers[0]!.args!]));
      expect(args.get('testops-api')).toEqual(instruction('CMD'));
      expect(args.get('testops-worker')).toEqual(['node', 'bin/testops.js', 'worker']);
      for (const command of args.values()) {
        expect(command.slice(0, 2)).toEqual(['node', 'bin/testops.js']);
        const known = commands.get(command[2]!);
        expect(known, command[2]).toBeDefined();
        const flags = command.slice(3).filter((arg) => arg.startsWith('--'));
        for (const flag of flags) expect(known!.options.map((option) => option.long)).toContain(flag);
      }
    },
  );

  it.each(ENVIRONMENTS.map((env) => [env.name, committedObjects(env.name)] as const))(
    'deploy/%s keeps the data folder where the image puts it, and the image’s tool paths',
    (_name, objects) => {
      const image = imageEnvironment();
      const [configMap] = ofKind<{ data: Record<string, string> }>(objects, 'ConfigMap');
      expect(configMap!.data['TESTOPS_DATA_DIR']).toBe(image['TESTOPS_DATA_DIR']);
      // The engine finds Python and Chromium through these; the manifests must not override them.
      for (const name of ['TESTOPS_PYTHON', 'CHROMIUM_PATH']) {
        expect(image[name], name).toBeDefined();
        expect(Object.keys(configMap!.data)).not.toContain(name);
      }
    },
  );

  it('the exposed port is the one the API listens on', () => {
    expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${instruction('CMD').at(-1)}$`, 'm'));
  });
});
