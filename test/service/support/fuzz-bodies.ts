/**
 * Malformed request bodies for fuzzing the HTTP API: random JSON, wrong types per field, huge
 * strings, NUL and lone surrogates, deep nesting, invalid UTF-8, wrong content types, empty and
 * truncated bodies, duplicate keys, prototype-pollution keys. Deterministic for a seed.
 */

/** A small fixed-seed PRNG (mulberry32): the same seed replays the same bodies. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface FuzzBody {
  /** What kind of malformation, for the counts and for replaying a failure. */
  label: string;
  payload: string | Buffer;
  contentType: string | undefined;
}

/** A field of the route's body schema and its JSON Schema type (`object` when unknown). */
export interface FuzzField {
  name: string;
  type: string;
}

type Random = () => number;

const TEXTS = [
  '',
  ' ',
  'a',
  'GET /x',
  'https://example.com',
  '../../etc/passwd',
  '%00',
  '☃ naïve',
  '1e309',
  'null',
];
const JSON_TYPE = 'application/json';

export function fuzzBodies(fields: FuzzField[], count: number, random: Random): FuzzBody[] {
  const makers = bodyMakers(fields, random);
  return Array.from({ length: count }, (_, index) => makers[index % makers.length]!());
}

function bodyMakers(fields: FuzzField[], random: Random): (() => FuzzBody)[] {
  const json = (label: string, value: unknown): FuzzBody => ({
    label,
    payload: JSON.stringify(value),
    contentType: JSON_TYPE,
  });
  const raw = (label: string, payload: string | Buffer, contentType: string | undefined = JSON_TYPE) => ({
    label,
    payload,
    contentType,
  });
  const field = () => pick(random, fields)?.name ?? 'requirements';
  return [
    () => json('random JSON value', randomValue(random, 4)),
    () => json('wrong types per field', wrongTypes(fields, random)),
    () =>
      json('huge string', {
        ...wrongTypes(fields, random),
        [field()]: 'x'.repeat(1 + int(random, 3_000_000)),
      }),
    () =>
      json('NUL in a field', {
        [field()]: pick(random, ['a\u0000b', ['a\u0000'], { path: 'a', content: '\u0000' }]),
      }),
    () =>
      json('lone surrogate', {
        [field()]: pick(random, ['\ud800', ['x\udfff'], [{ path: '\ud83d', content: 'x' }]]),
      }),
    () => json('NUL in a key', { [`${field()}\u0000`]: 1, 'k\ud800': 2 }),
    () => raw('deep nesting', deepJson(field(), 60 + int(random, 10_000), random)),
    () => raw('invalid UTF-8 bytes', invalidUtf8(field(), random)),
    () => raw('wrong content type', JSON.stringify(wrongTypes(fields, random)), pick(random, WRONG_TYPES)),
    () => raw('no content type', JSON.stringify(wrongTypes(fields, random)), undefined),
    () => raw('empty body', '', pick(random, [JSON_TYPE, 'text/plain', undefined])),
    () => raw('truncated JSON', truncated(JSON.stringify(wrongTypes(fields, random)), random)),
    () =>
      raw('duplicate keys', `{"${field()}": [], "${field()}": ${JSON.stringify(randomValue(random, 2))}}`),
    () => raw('prototype keys', pick(random, PROTOTYPE_BODIES)),
    () => json('plausible body', plausibleBody(fields, random)),
    () =>
      json('plausible body, one field broken', brokenField(plausibleBody(fields, random), fields, random)),
    () =>
      raw(
        'not JSON',
        pick(random, ['undefined', "{'a': 1}", '{"a": NaN}', '[1,]', '\ufeff{}', '{"a":1}{"b":2}']),
      ),
  ];
}

/**
 * Values a real client would send, by field name: bodies built from them pass the contract often
 * enough to reach the handler and the store, where one broken field then does its damage.
 */
const PLAUSIBLE: Record<string, unknown> = {
  project_id: 'fuzz-project',
  files: [{ path: 'tests/test_login.py', content: 'def test_login():\n    assert True\n' }],
  requirements: ['The user can log in with an email and a password.'],
  openapi_spec: 'openapi: 3.0.3\ninfo: {title: T, version: "1"}\npaths: {}\n',
  test_type: 'manual',
  endpoints: ['GET /items'],
  test_types: ['positive'],
  defects: { format: 'csv', content: 'key,summary\nBUG-1,Login fails\n' },
  options: {},
};

function plausibleBody(fields: FuzzField[], random: Random): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const { name } of fields) if (name in PLAUSIBLE && random() < 0.6) body[name] = PLAUSIBLE[name];
  return body;
}

function brokenField(
  body: Record<string, unknown>,
  fields: FuzzField[],
  random: Random,
): Record<string, unknown> {
  const name = pick(random, Object.keys(body)) ?? pick(random, fields)?.name ?? 'requirements';
  const text = pick(random, ['a\u0000b', 'x\ud800', '\udc00y', 'x'.repeat(600_000)]);
  const broken = pick(random, [text, [text], [{ path: 'tests/test_x.py', content: text }], deepValue(70)]);
  return { ...body, [name]: broken };
}

function deepValue(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < levels; level++) value = { a: value };
  return value;
}

const WRONG_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/octet-stream',
  'application/json; charset=latin1',
  'application/json-patch+json',
  'garbage',
];

const PROTOTYPE_BODIES = [
  '{"__proto__": {"polluted": true}}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  '{"files": [{"__proto__": {"path": "x"}, "content": "y"}]}',
  '{"options": {"constructor": {"prototype": {"isAdmin": true}}}}',
  '{"constructor": "x", "toString": 1, "hasOwnProperty": []}',
];

function wrongTypes(fields: FuzzField[], random: Random): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const { name, type } of fields) {
    if (random() < 0.3) continue;
    body[name] = random() < 0.7 ? wrongValueFor(type, random) : randomValue(random, 2);
  }
  return body;
}

function wrongValueFor(type: string, random: Random): unknown {
  const wrong: Record<string, unknown[]> = {
    string: [1, true, null, [], {}, -0.5],
    array: ['a', 1, {}, null, [[[]]], [null, 1, '']],
    object: ['x', 1, [], null, { unexpected: 'field' }],
    number: ['1', null, [], {}, 1e308, -1],
    integer: [1.5, '1', null, -1, 2 ** 53],
    boolean: ['true', 0, null, []],
  };
  return pick(random, wrong[type] ?? wrong['object']!);
}

function randomValue(random: Random, depth: number): unknown {
  const roll = random();
  if (depth <= 0 || roll < 0.35) return scalar(random);
  if (roll < 0.65) return Array.from({ length: int(random, 4) }, () => randomValue(random, depth - 1));
  return Object.fromEntries(
    Array.from({ length: int(random, 4) }, () => [
      pick(random, TEXTS) || 'k',
      randomValue(random, depth - 1),
    ]),
  );
}

function scalar(random: Random): unknown {
  return pick(random, [null, true, false, 0, -1, 1.5, 2 ** 53 + 1, pick(random, TEXTS)]);
}

function deepJson(field: string, levels: number, random: Random): string {
  const [open, close] = random() < 0.5 ? ['[', ']'] : ['{"a":', '}'];
  return `{"${field}":${open.repeat(levels)}1${close.repeat(levels)}}`;
}

function invalidUtf8(field: string, random: Random): Buffer {
  const bad = pick(random, [
    [0xff],
    [0xc3, 0x28],
    [0xed, 0xa0, 0x80],
    [0xf8, 0x88, 0x80, 0x80, 0x80],
    [0xe2, 0x82],
  ]);
  return Buffer.concat([Buffer.from(`{"${field}":["a`), Buffer.from(bad), Buffer.from('b"]}')]);
}

function truncated(text: string, random: Random): string {
  return text.slice(0, Math.max(1, int(random, text.length)));
}

function int(random: Random, below: number): number {
  return Math.floor(random() * below);
}

function pick<T>(random: Random, values: readonly T[]): T {
  return values[int(random, values.length)]!;
}
