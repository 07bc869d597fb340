import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiModel } from '../../src/core/api-model.ts';
import type { RecordedExchange } from '../../src/core/run-report.ts';
import { learnValues, type ProbeRun } from '../../src/pipeline/learn-values.ts';
import type { ValueRepair } from '../../src/generation/api/value-repairs.ts';
import { buildApiModel } from '../../src/sources/openapi/build-api-model.ts';

// Every test whose set-up makes a member meets the same refusal in one probe round. Each used to
// move the field on to its next candidate, so after one round of five tests the e-mail was a
// bare "a" that the server refuses as no e-mail at all.
const spec = {
  openapi: '3.0.3',
  info: { title: 'Members', version: '1' },
  paths: {
    '/members': {
      post: {
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['role'],
                properties: {
                  role: { type: 'integer', example: 1 },
                  username: { type: 'string' },
                  email: { type: 'string' },
                },
              },
            },
          },
        },
        responses: { '201': { description: 'created' }, '400': { description: 'invalid' } },
      },
    },
  },
};

function modelOf(): ApiModel {
  return buildApiModel({
    location: 'members.json',
    sourceVersion: '3.0',
    document: spec,
    referenceIssues: [],
  });
}

function refusedCreate(body: Record<string, unknown>): { exchanges: RecordedExchange[] } {
  return {
    exchanges: [
      {
        request: {
          method: 'POST',
          url: 'http://127.0.0.1:1/members',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        },
        response: {
          status: 400,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            name: 'BadDataError',
            message: 'Request validation failed: You must specify username or email',
          }),
        },
      },
    ],
  };
}

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'testops-learn-rounds-'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('learning input values, one round at a time', () => {
  it('moves a field on once per round, however many tests met its refusal', async () => {
    const rounds: ValueRepair[][] = [];
    const probe: ProbeRun = {
      async run(repairs) {
        rounds.push(repairs);
        if (rounds.length > 1) return { suiteDir: dir, evidence: [] };
        // Round one: five tests, each with the member create in its set-up, all refused alike.
        const files = ['a', 'b', 'c', 'd', 'e'].map((name) => `${name}.json`);
        for (const file of files)
          await writeFile(join(dir, file), JSON.stringify(refusedCreate({ role: 1 })));
        return { suiteDir: dir, evidence: files };
      },
    };
    const state = await learnValues({ model: modelOf(), probe, events: () => undefined });

    expect(state.learned.map((learned) => learned.field).sort()).toEqual(['email', 'username']);
    const email = state.repairs.find((repair) => repair.path.join('.') === 'email');
    // What the field's name says comes first: an address, not a bare letter.
    expect(email?.value).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
    expect(rounds).toHaveLength(2);
  });
});
