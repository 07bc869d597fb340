import { randomBytes } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SecretBox } from '../../../src/service/store/secret-box.ts';
import { parseSecretKey, resolveSecretKey } from '../../../src/service/store/secret-key.ts';
import { tempDataDir, type TempDataDir } from '../support/databases.ts';

const dirs: TempDataDir[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => dir.remove()));
});

describe('secret key', () => {
  const key = randomBytes(32);

  it('reads 32 bytes written as hex, base64 or base64url', () => {
    expect(parseSecretKey(key.toString('hex')).equals(key)).toBe(true);
    expect(parseSecretKey(key.toString('hex').toUpperCase()).equals(key)).toBe(true);
    expect(parseSecretKey(` ${key.toString('base64')}\n`).equals(key)).toBe(true);
    expect(parseSecretKey(key.toString('base64url')).equals(key)).toBe(true);
  });

  it.each([
    ['too short', randomBytes(16).toString('base64')],
    ['too long', randomBytes(48).toString('base64')],
    ['hex of 31 bytes', randomBytes(31).toString('hex')],
    ['a passphrase', 'correct horse battery staple'],
    ['empty', ''],
  ])('refuses %s with a hint how to make one', (_label, value) => {
    expect(() => parseSecretKey(value)).toThrow(
      expect.objectContaining({
        code: 'TESTOPS_SECRET_KEY_INVALID',
        message: expect.stringContaining('openssl rand -base64 32'),
      }),
    );
  });

  it('creates a key file once in embedded mode (0600) and reuses it', async () => {
    const dir = await tempDataDir();
    dirs.push(dir);
    const dataDir = join(dir.path, 'nested');
    const [first, racing] = await Promise.all([
      resolveSecretKey({ dataDir, shared: false }),
      resolveSecretKey({ dataDir, shared: false }),
    ]);
    expect(first.equals(racing)).toBe(true);
    const file = join(dataDir, 'secret.key');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await resolveSecretKey({ dataDir, shared: false })).equals(first)).toBe(true);
    expect(Buffer.from((await readFile(file, 'utf8')).trim(), 'base64').equals(first)).toBe(true);
  });

  it('names the key file when it holds something else', async () => {
    const dir = await tempDataDir();
    dirs.push(dir);
    await writeFile(join(dir.path, 'secret.key'), 'not a key\n');
    await expect(resolveSecretKey({ dataDir: dir.path, shared: false })).rejects.toMatchObject({
      code: 'TESTOPS_SECRET_KEY_INVALID',
      where: join(dir.path, 'secret.key'),
    });
  });

  it('must be configured for a shared database', async () => {
    await expect(resolveSecretKey({ dataDir: '/nonexistent', shared: true })).rejects.toMatchObject({
      code: 'TESTOPS_SECRET_KEY_MISSING',
    });
    expect(
      (
        await resolveSecretKey({ dataDir: '/nonexistent', shared: true, secretKey: key.toString('hex') })
      ).equals(key),
    ).toBe(true);
  });
});

describe('secret box', () => {
  it('round-trips, uses a fresh IV each time, and binds the ciphertext to its context', () => {
    const box = new SecretBox(randomBytes(32));
    const a = box.seal('value', 'ctx');
    const b = box.seal('value', 'ctx');
    expect(a.iv.equals(b.iv)).toBe(false);
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false);
    expect(box.open(a, 'ctx', 'here')).toBe('value');
    expect(() => box.open(a, 'other', 'here')).toThrow(
      expect.objectContaining({ code: 'TESTOPS_SECRET_UNREADABLE' }),
    );
    const tampered = { ...a, ciphertext: Buffer.from(a.ciphertext.map((byte) => byte ^ 1)) };
    expect(() => box.open(tampered, 'ctx', 'here')).toThrow(expect.objectContaining({ where: 'here' }));
  });
});
