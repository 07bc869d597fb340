import { describe, expect, it } from 'vitest';
import { createLogger, redactSecrets } from '../../../src/service/observability/logger.ts';
import { startTracing, withSpan } from '../../../src/service/observability/tracing.ts';

const BEARER = 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.sig-4f9a8b7c';
const API_KEY = 'tok_9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const PASSWORD = 'correct-horse-battery-staple';
const NESTED_TOKEN = 'ghp_nestedTokenValue123456';
const CLIENT_SECRET = 'cs-7777-aaaa-bbbb';
const COOKIE = 'session=s3ss10n-c00k1e-value';
const KNOWN = 'target-secret-from-the-secret-store';
const DB_PASSWORD = 'pg-passw0rd-in-url';

const SECRETS = [BEARER, API_KEY, PASSWORD, NESTED_TOKEN, CLIENT_SECRET, COOKIE, KNOWN, DB_PASSWORD];

function capture(level = 'debug', knownSecrets: string[] = []) {
  const lines: string[] = [];
  const logger = createLogger({
    level,
    destination: { write: (line: string) => lines.push(line) },
    knownSecrets,
  });
  return { logger, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('createLogger', () => {
  it('writes no secret from headers, nested credential fields, messages or errors', () => {
    const { logger, lines, records } = capture('debug', [KNOWN]);
    const job = {
      id: 'job-1',
      input: {
        target: { baseUrl: 'https://api.example.test', auth: { token: NESTED_TOKEN, password: PASSWORD } },
        headers: [{ name: 'x', accessToken: NESTED_TOKEN }],
        integrations: { jira: { clientSecret: CLIENT_SECRET, api_key: API_KEY } },
      },
    };
    const request = {
      method: 'POST',
      url: '/api/v1/jobs',
      headers: {
        Authorization: `Bearer ${BEARER}`,
        cookie: COOKIE,
        'x-api-key': API_KEY,
        accept: 'application/json',
      },
    };
    logger.info({ request, job }, 'job accepted');
    logger.info({ res: { statusCode: 200, headers: { 'set-cookie': COOKIE } } }, 'response sent');
    logger.warn(
      redactSecrets(
        `retrying with Authorization: Bearer ${BEARER} and key ${API_KEY}; target said ${KNOWN}`,
        [KNOWN],
      ),
    );
    // Also scrubbed without the helper: the logger runs the same patterns over every message.
    logger.error(`curl -H 'Authorization: Bearer ${BEARER}' -H 'x-api-key: ${API_KEY}'`);
    logger.error(new Error(`connect postgres://testops:${DB_PASSWORD}@db:5432/testops failed (${KNOWN})`));
    logger.child({ apiKey: API_KEY }).info('child binding');
    // Credentials written into any string field, not only into messages.
    logger.info(
      { replay: `curl -H 'Authorization: Bearer ${BEARER}' https://api.example.test/vms?api_key=${API_KEY}` },
      'replay',
    );

    const output = lines.join('');
    for (const secret of SECRETS) expect(output, `"${secret}" leaked`).not.toContain(secret);

    const [accepted, response, warning] = records();
    expect(accepted).toMatchObject({
      level: 'info',
      msg: 'job accepted',
      request: { headers: { Authorization: '[redacted]', cookie: '[redacted]', 'x-api-key': '[redacted]' } },
      job: {
        id: 'job-1',
        input: {
          target: {
            baseUrl: 'https://api.example.test',
            auth: { token: '[redacted]', password: '[redacted]' },
          },
          headers: [{ name: 'x', accessToken: '[redacted]' }],
          integrations: { jira: { clientSecret: '[redacted]', api_key: '[redacted]' } },
        },
      },
    });
    // What is not a credential stays readable.
    expect((accepted?.['request'] as { headers: Record<string, string> }).headers['accept']).toBe(
      'application/json',
    );
    expect(response).toMatchObject({ res: { headers: { 'set-cookie': '[redacted]' } } });
    expect(warning?.['msg']).toBe(
      'retrying with Authorization: Bearer [redacted] and key [redacted]; target said [redacted]',
    );
    expect(output).toContain('postgres://testops:[redacted]@db:5432/testops');
  });

  it('scrubs what errors carry and survives odd `err` values', () => {
    const { logger, lines } = capture('debug', [KNOWN]);
    const failure = Object.assign(
      new Error(`request failed with ${KNOWN}`, { cause: new Error(`token=${API_KEY}`) }),
      {
        config: { url: 'https://api.example.test', headers: { Authorization: `Bearer ${BEARER}` } },
        apiKey: API_KEY,
      },
    );
    logger.error({ err: failure }, 'upstream failed');
    const plain = { message: `Bearer ${BEARER}`, code: 'E_UPSTREAM' };
    for (const odd of [`Bearer ${BEARER}`, { code: 'E_NO_MESSAGE' }, null, 42, plain]) {
      expect(() => logger.warn({ err: odd }, 'odd error value')).not.toThrow();
    }
    expect(plain.message).toBe(`Bearer ${BEARER}`); // the caller's object is left as it was

    const output = lines.join('');
    for (const secret of SECRETS) expect(output, `"${secret}" leaked`).not.toContain(secret);
    const record = JSON.parse(lines[0] ?? '{}') as { err: Record<string, unknown> };
    expect(record.err).toMatchObject({
      type: 'Error',
      apiKey: '[redacted]',
      config: { url: 'https://api.example.test', headers: { Authorization: '[redacted]' } },
    });
    expect(String(record.err['message'])).toContain('request failed with [redacted]');
  });

  it('does not change the objects it was given', () => {
    const { logger } = capture();
    const input = { auth: { token: NESTED_TOKEN } };
    logger.info({ input }, 'x');
    expect(input.auth.token).toBe(NESTED_TOKEN);
  });

  it('adds trace_id and span_id inside a span, and neither outside one', async () => {
    const tracing = startTracing({ serviceName: 'logger-test', enabled: true });
    try {
      const { logger, records } = capture();
      logger.info('before');
      const ids = await withSpan('work', {}, (span) => {
        logger.info('inside');
        return span.spanContext();
      });
      const [before, inside] = records();
      expect(before).not.toHaveProperty('trace_id');
      expect(inside).toMatchObject({ msg: 'inside', trace_id: ids.traceId, span_id: ids.spanId });
      expect(inside?.['trace_id']).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      await tracing.shutdown();
    }
  });
});

describe('redactSecrets', () => {
  it('removes bearer tokens, API keys, URL passwords, query credentials and known values (also URL-encoded)', () => {
    const known = 'p@ss word/with?odd&chars';
    const text = [
      `Authorization: Bearer ${BEARER}`,
      `key=${API_KEY}`,
      `redis://:${DB_PASSWORD}@redis:6379`,
      'https://x.test/cb?access_token=abc123def456&state=ok',
      `raw ${known} encoded ${encodeURIComponent(known)}`,
    ].join('\n');
    const scrubbed = redactSecrets(text, [known]);
    for (const secret of [BEARER, API_KEY, DB_PASSWORD, 'abc123def456', known, encodeURIComponent(known)]) {
      expect(scrubbed).not.toContain(secret);
    }
    expect(scrubbed).toContain('state=ok');
    expect(scrubbed).toContain('Authorization: Bearer [redacted]');
  });

  it('leaves ordinary text and very short known values alone', () => {
    expect(redactSecrets('missing Bearer token for GET /vms', ['ab'])).toBe(
      'missing Bearer token for GET /vms',
    );
  });
});
