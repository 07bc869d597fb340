import { describe, expect, it } from 'vitest';
import { environmentSecretValues, headerSecretValues, secretScrubber } from '../../src/core/secret-values.ts';

describe('headerSecretValues', () => {
  it('takes the value of any header, whatever its name', () => {
    expect(headerSecretValues(['X-Vault-Token: hvs.abc123secret'])).toEqual(['hvs.abc123secret']);
  });

  it('adds the credential after a scheme, and for Basic the decoded user:password and password', () => {
    const basic = Buffer.from('robot:pa55word').toString('base64');
    expect(headerSecretValues([`Authorization: Basic ${basic}`])).toEqual([
      `Basic ${basic}`,
      basic,
      'robot:pa55word',
      'pa55word',
    ]);
    expect(headerSecretValues(['Authorization: Token t0ken-value'])).toEqual([
      'Token t0ken-value',
      't0ken-value',
    ]);
  });
});

describe('environmentSecretValues', () => {
  it('reads API_HEADERS, the credential variables and the variables TESTOPS_SECRET_VARS names', () => {
    const values = environmentSecretValues({
      API_HEADERS: 'X-Api-Key-Custom: custom-key-1\nAuthorization: Bearer bearer-2',
      API_TOKEN: 'token-3',
      TESTOPS_SECRET_VARS: 'TENANT_SECRET, OTHER',
      TENANT_SECRET: 'tenant-4',
      PROJECT_ID: 'not-marked',
      OTHER: 'abc',
    });
    expect(values).toEqual(['custom-key-1', 'Bearer bearer-2', 'bearer-2', 'token-3', 'tenant-4']);
  });
});

describe('secretScrubber', () => {
  const scrubber = secretScrubber(['s3cr3t value', 'abc', 'a"quote"']);

  it('replaces plain, URL-encoded, JSON-escaped, XML-escaped and base64 forms, leaving short values', () => {
    const text = [
      'plain s3cr3t value',
      'url s3cr3t%20value and s3cr3t+value',
      `json ${JSON.stringify('a"quote"')}`,
      'xml a&quot;quote&quot;',
      `b64 ${Buffer.from('s3cr3t value').toString('base64')}`,
      'short abc',
    ].join('\n');
    expect(scrubber.scrub(text)).toBe(
      ['plain ***', 'url *** and ***', 'json "***"', 'xml ***', 'b64 ***', 'short abc'].join('\n'),
    );
  });

  it('scrubs every string of plain objects and arrays, without changing the original', () => {
    const report = { defects: [{ curl: "curl -H 'x-vault-token: s3cr3t value'", passes: 0 }] };
    expect(scrubber.scrubDeep(report)).toEqual({
      defects: [{ curl: "curl -H 'x-vault-token: ***'", passes: 0 }],
    });
    expect(report.defects[0]!.curl).toContain('s3cr3t value');
  });

  it('masks secret bytes in file content and keeps the bytes around them', () => {
    const content = Buffer.concat([
      Buffer.from([0, 255]),
      Buffer.from('key=s3cr3t value;'),
      Buffer.from([1]),
    ]);
    expect(scrubber.scrubBytes(content)).toEqual(
      Buffer.concat([Buffer.from([0, 255]), Buffer.from('key=***;'), Buffer.from([1])]),
    );
  });
});
