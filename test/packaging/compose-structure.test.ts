import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  commandLine,
  composeText,
  interpolateCompose,
  rawCompose,
  variableReferences,
} from './compose-file.ts';
import type { ComposeService } from './compose-file.ts';
import { dockerfileInstructions } from './dockerfile.ts';
import { SERVICE_VARIABLES } from '../../src/service/config.ts';

const ENV = { TESTOPS_SECRET_KEY: 'dGVzdC1rZXktdGhhdC1pcy0zMi1ieXRlcy1sb25nIQ==' };
const compose = interpolateCompose(rawCompose(), ENV);
const services = compose.services;

/** The rules our set-up relies on, as a schema of our own (the Compose Specification is checked apart). */
const STRUCTURE = {
  type: 'object',
  required: ['services', 'volumes'],
  properties: {
    services: { type: 'object', minProperties: 1, additionalProperties: { $ref: '#/definitions/service' } },
    volumes: { type: 'object' },
  },
  definitions: {
    stringOrList: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }] },
    service: {
      type: 'object',
      anyOf: [{ required: ['image'] }, { required: ['build'] }],
      properties: {
        image: { type: 'string', minLength: 1 },
        build: {
          oneOf: [
            { type: 'string' },
            { type: 'object', required: ['context'], properties: { context: { type: 'string' } } },
          ],
        },
        command: { $ref: '#/definitions/stringOrList' },
        environment: {
          type: 'object',
          additionalProperties: { type: ['string', 'number', 'boolean', 'null'] },
        },
        depends_on: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            required: ['condition'],
            properties: {
              condition: { enum: ['service_started', 'service_healthy', 'service_completed_successfully'] },
            },
          },
        },
        healthcheck: {
          type: 'object',
          properties: {
            disable: { type: 'boolean' },
            test: {
              oneOf: [
                { type: 'string' },
                {
                  type: 'array',
                  minItems: 2,
                  items: [{ enum: ['CMD', 'CMD-SHELL'] }],
                  additionalItems: { type: 'string' },
                },
              ],
            },
            interval: { type: 'string', pattern: '^\\d+(ms|s|m|h)$' },
            timeout: { type: 'string', pattern: '^\\d+(ms|s|m|h)$' },
            start_period: { type: 'string', pattern: '^\\d+(ms|s|m|h)$' },
            retries: { type: 'integer', minimum: 1 },
          },
          oneOf: [
            { required: ['test'] },
            { required: ['disable'], properties: { disable: { const: true } } },
          ],
        },
        ports: { type: 'array', items: { type: 'string', pattern: '^(\\d+:)?\\d+$' } },
        volumes: { type: 'array', items: { type: 'string', pattern: '^[^:]+:/[^:]*(:ro|:rw)?$' } },
      },
    },
  },
};

const dockerfileHasHealthcheck = dockerfileInstructions().some(
  (instruction) => instruction.keyword === 'HEALTHCHECK',
);

function buildContext(service: ComposeService): string | undefined {
  return typeof service.build === 'string' ? service.build : service.build?.context;
}

function environmentOf(service: ComposeService): Record<string, string> {
  expect(Array.isArray(service.environment), 'use the map form of environment').toBe(false);
  return Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([key, value]) => [key, String(value ?? '')]),
  );
}

/** Whether `docker compose` would see a health check for the service: its own, or its image's. */
function hasHealthcheck(service: ComposeService): boolean {
  if (service.healthcheck?.disable) return false;
  if (service.healthcheck?.test) return true;
  return buildContext(service) === '.' && dockerfileHasHealthcheck;
}

describe('docker-compose.yml', () => {
  it('has the shape our set-up relies on', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const valid = ajv.validate(STRUCTURE, compose);
    expect(ajv.errors ?? [], ajv.errorsText(ajv.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('runs PostgreSQL with pgvector and Redis, each with a health check', () => {
    expect(services['postgres']?.image).toBe('pgvector/pgvector:pg16');
    expect(commandLine(services['postgres']?.healthcheck?.test)).toMatch(/pg_isready/);
    expect(services['redis']?.image).toBe('redis:7-alpine');
    expect(commandLine(services['redis']?.healthcheck?.test)).toMatch(/redis-cli ping/);
  });

  it('starts a service only after the ones it needs are healthy — and those have a health check', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const [target, { condition }] of Object.entries(service.depends_on ?? {}) as [
        string,
        { condition?: string },
      ][]) {
        expect(services, `${name} depends on unknown service ${target}`).toHaveProperty([target]);
        if (condition === 'service_healthy') {
          expect(
            hasHealthcheck(services[target] as ComposeService),
            `${name} waits for ${target} to be healthy, which it never reports`,
          ).toBe(true);
        }
      }
    }
    for (const name of ['api', 'worker']) {
      expect(services[name]?.depends_on).toMatchObject({
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      });
    }
  });

  it('runs the API and any number of workers from one image built from this repo', () => {
    const api = services['api'] as ComposeService;
    const worker = services['worker'] as ComposeService;
    expect(buildContext(api)).toBe('.');
    expect(buildContext(worker)).toBe('.');
    expect(worker.image).toBe(api.image);
    expect(api.ports).toContain('8080:8080');
    expect(commandLine(worker.command)).toBe('node bin/testops.js worker');
    // `--scale worker=N` needs containers without fixed names or host ports.
    expect(worker).not.toHaveProperty('container_name');
    expect(worker).not.toHaveProperty('ports');
    expect(worker.healthcheck).toEqual({ disable: true });
  });

  it('declares every named volume it mounts', () => {
    const declared = Object.keys(compose.volumes ?? {});
    for (const [name, service] of Object.entries(services)) {
      for (const volume of service.volumes ?? []) {
        const source = typeof volume === 'string' ? volume.split(':')[0] : volume.source;
        if (source && !/^[./~]/.test(source))
          expect(declared, `${name} mounts undeclared volume ${source}`).toContain(source);
      }
    }
  });

  it('gives the API and workers the distributed configuration, with variables the service reads', () => {
    // The service's own list of what its configuration reader reads.
    const read = new Set(SERVICE_VARIABLES);
    const postgres = environmentOf(services['postgres'] as ComposeService);
    for (const name of ['api', 'worker']) {
      const env = environmentOf(services[name] as ComposeService);
      for (const key of Object.keys(env))
        expect(read, `${name} sets ${key}, which src/service/config.ts never reads`).toContain(key);
      expect(env['TESTOPS_SECRET_KEY']).toBe(ENV.TESTOPS_SECRET_KEY);
      const database = new URL(env['DATABASE_URL'] ?? '');
      expect(database.hostname).toBe('postgres');
      expect(decodeURIComponent(database.username)).toBe(postgres['POSTGRES_USER']);
      expect(decodeURIComponent(database.password)).toBe(postgres['POSTGRES_PASSWORD']);
      expect(database.pathname).toBe(`/${postgres['POSTGRES_DB']}`);
      expect(new URL(env['REDIS_URL'] ?? '').hostname).toBe('redis');
    }
  });

  it('refuses to start without TESTOPS_SECRET_KEY and has a default for every other variable', () => {
    expect(() => interpolateCompose(rawCompose(), {})).toThrow(/TESTOPS_SECRET_KEY.*openssl rand/);
    const references = variableReferences(composeText());
    expect(references.length).toBeGreaterThan(0);
    for (const { name, operator } of references) {
      if (name === 'TESTOPS_SECRET_KEY') expect(operator).toBe(':?');
      else expect(['-', ':-'], `\${${name}} has no default and would silently be empty`).toContain(operator);
    }
  });
});
