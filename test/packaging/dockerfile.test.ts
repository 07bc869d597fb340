import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandLine, rawCompose, REPO_ROOT } from './compose-file.ts';
import { commandText, dockerfileInstructions, dockerIgnore, instructionArguments } from './dockerfile.ts';
import { registeredCliCommands } from './cli-commands.ts';

const instructions = dockerfileInstructions();
const ignored = dockerIgnore();
const packageJson = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

/** Every command the image runs: its RUN/CMD/ENTRYPOINT/HEALTHCHECK lines and the compose overrides. */
function commandsRun(): { where: string; command: string }[] {
  const fromDockerfile = instructions
    .filter((instruction) => ['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(instruction.keyword))
    .map((instruction) => ({
      where: `Dockerfile:${instruction.line} ${instruction.keyword}`,
      command: commandText(instruction),
    }));
  const fromCompose = Object.entries(rawCompose().services)
    .filter(([, service]) => service.command !== undefined)
    .map(([name, service]) => ({
      where: `docker-compose.yml services.${name}.command`,
      command: commandLine(service.command) ?? '',
    }));
  return [...fromDockerfile, ...fromCompose];
}

function cmd(): string[] {
  const last = instructions.filter((instruction) => instruction.keyword === 'CMD').at(-1);
  if (!last) throw new Error('the Dockerfile has no CMD');
  return instructionArguments(last.text).args;
}

describe('Dockerfile', () => {
  it('copies only paths that exist in the repo and that .dockerignore lets into the build context', () => {
    const copies = instructions.filter(
      (instruction) => instruction.keyword === 'COPY' || instruction.keyword === 'ADD',
    );
    expect(copies.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const copy of copies) {
      const { flags, args } = instructionArguments(copy.text);
      if (flags.some((flag) => flag.startsWith('--from='))) continue; // from another stage, not the repo
      for (const source of args.slice(0, -1)) {
        const path = source.replace(/^\.\//, '').replace(/\/+$/, '');
        const matches = /[*?[]/.test(path)
          ? globAtRoot(path)
          : existsSync(join(REPO_ROOT, path))
            ? [path]
            : [];
        if (matches.length === 0) problems.push(`line ${copy.line}: ${source} does not exist`);
        for (const match of matches)
          if (ignored(match)) problems.push(`line ${copy.line}: ${match} is excluded by .dockerignore`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps what the runtime loads in the build context', () => {
    for (const path of [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'bin/testops.js',
      'src/cli/main.ts',
    ]) {
      expect(ignored(path), `${path} is excluded by .dockerignore`).toBe(false);
    }
    expect(ignored('node_modules/tsx/package.json')).toBe(true);
    expect(ignored('.git/HEAD')).toBe(true);
    expect(ignored('examples/compute-api/.env')).toBe(true);
  });

  it('runs only bin/ scripts that exist, whose packages npm ci --omit=dev installs', () => {
    const scripts = commandsRun().flatMap(({ where, command }) =>
      [...command.matchAll(/\bnode\s+(bin\/[\w./-]+)/g)].map((match) => ({
        where,
        script: match[1] as string,
      })),
    );
    expect(scripts.map(({ script }) => script)).toContain('bin/testops.js');
    for (const { where, script } of scripts) {
      expect(existsSync(join(REPO_ROOT, script)), `${where} runs ${script}, which does not exist`).toBe(true);
      const source = readFileSync(join(REPO_ROOT, script), 'utf8');
      for (const [, specifier] of source.matchAll(/(?:from\s+|import\()\s*['"]([^'"]+)['"]/g)) {
        if (!specifier || specifier.startsWith('.') || specifier.startsWith('node:')) continue;
        const name = specifier.startsWith('@')
          ? specifier.split('/').slice(0, 2).join('/')
          : specifier.split('/')[0];
        expect(
          packageJson.dependencies,
          `${script} imports ${name}, which --omit=dev would leave out`,
        ).toHaveProperty([name as string]);
      }
    }
  });

  it('uses CLI subcommands that src/cli registers', () => {
    const registered = registeredCliCommands();
    const used = commandsRun().flatMap(({ where, command }) =>
      [...command.matchAll(/\bbin\/testops\.js\s+([a-z][\w-]*)/g)].map((match) => ({
        where,
        name: match[1] as string,
      })),
    );
    // The image's default command and the compose worker's: whatever they are, they must exist.
    expect(used.length).toBeGreaterThanOrEqual(2);
    for (const { where, name } of used) {
      expect(registered, `${where} runs \`testops ${name}\`, which src/cli does not register`).toContain(
        name,
      );
    }
  });

  it('serves on the exposed port as a non-root user, with a health check on that port', () => {
    expect(instructions[0]).toMatchObject({ keyword: 'FROM', text: 'node:20-bookworm-slim' });
    const args = cmd();
    expect(args.slice(0, 3)).toEqual(['node', 'bin/testops.js', 'serve']);
    const port = args[args.indexOf('--port') + 1];
    expect(args[args.indexOf('--host') + 1]).toBe('0.0.0.0');
    const exposed = instructions
      .filter((instruction) => instruction.keyword === 'EXPOSE')
      .map((instruction) => instruction.text);
    expect(exposed).toContain(port);
    const health = instructions.find((instruction) => instruction.keyword === 'HEALTHCHECK');
    expect(health && commandText(health)).toContain(`http://127.0.0.1:${port}/health`);

    const userIndex = instructions.findLastIndex((instruction) => instruction.keyword === 'USER');
    expect(userIndex).toBeGreaterThan(-1);
    expect(instructions[userIndex]?.text).not.toMatch(/^(root|0)(:|$)/);
    expect(userIndex).toBeLessThan(
      instructions.findLastIndex((instruction) => instruction.keyword === 'CMD'),
    );
    expect(
      instructions
        .filter((instruction) => instruction.keyword === 'ENV')
        .map((instruction) => instruction.text)
        .join(' '),
    ).toMatch(/\bTESTOPS_DATA_DIR=\/data\b/);
  });

  it('installs Chromium and every Python module the suite runner probes for', () => {
    const runs = instructions
      .filter((instruction) => instruction.keyword === 'RUN')
      .map((instruction) => instruction.text)
      .join('\n');
    expect(runs).toMatch(/\bchromium\b/);
    expect(runs).toMatch(/npm ci --omit=dev/);
    const probe = readFileSync(join(REPO_ROOT, 'src/validation/execution/python-interpreter.ts'), 'utf8');
    const modules = /REQUIRED_MODULES\s*=\s*\[([^\]]*)\]/.exec(probe)?.[1]?.match(/[\w-]+/g) ?? [];
    expect(modules.length).toBeGreaterThan(0);
    for (const module of modules) {
      // Debian packages Python modules as python3-<module>; allure comes from allure-pytest.
      expect(runs, `nothing installs the Python module ${module}`).toMatch(
        new RegExp(`\\bpython3-${module}\\b|\\b${module}-pytest\\b`),
      );
    }
  });
});

function globAtRoot(pattern: string): string[] {
  if (pattern.includes('/')) throw new Error(`only root-level globs are supported here: ${pattern}`);
  const regex = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  return readdirSync(REPO_ROOT).filter((name) => regex.test(name));
}
