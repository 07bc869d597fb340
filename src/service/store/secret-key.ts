import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TestopsError } from '../../core/errors.ts';

export const SECRET_KEY_BYTES = 32;
export const SECRET_KEY_FILE = 'secret.key';

const GENERATE_HINT = 'generate one with `openssl rand -base64 32` and set TESTOPS_SECRET_KEY to it';

/**
 * Decodes a 32-byte key written as hex (64 characters) or base64/base64url (43 or 44). Hex is
 * tried first: 64 hex digits are also valid base64, of the wrong length.
 */
export function parseSecretKey(value: string, where = 'TESTOPS_SECRET_KEY'): Buffer {
  const text = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/]{43}=?$/.test(text) || /^[A-Za-z0-9_-]{43}=?$/.test(text)) {
    const key = Buffer.from(text, text.includes('-') || text.includes('_') ? 'base64url' : 'base64');
    if (key.length === SECRET_KEY_BYTES) return key;
  }
  throw new TestopsError('TESTOPS_SECRET_KEY_INVALID', 'the secret key is not 32 bytes of base64 or hex', {
    where,
    expected: '32 random bytes written as base64 (44 characters) or hex (64 characters)',
    hint: GENERATE_HINT,
  });
}

/**
 * The key that encrypts secrets. Given explicitly it wins; embedded mode otherwise keeps one in
 * `<dataDir>/secret.key` (created on first start, 0600). With a shared database there is no
 * safe default: every worker on every machine must hold the same key, so it must be configured.
 */
export async function resolveSecretKey(options: {
  secretKey?: string | undefined;
  dataDir: string;
  shared: boolean;
}): Promise<Buffer> {
  if (options.secretKey !== undefined && options.secretKey.trim() !== '') {
    return parseSecretKey(options.secretKey);
  }
  if (options.shared) {
    throw new TestopsError(
      'TESTOPS_SECRET_KEY_MISSING',
      'no secret key configured for a shared database (DATABASE_URL)',
      {
        where: 'TESTOPS_SECRET_KEY',
        expected: 'the same 32-byte key on every process that uses this database',
        hint: GENERATE_HINT,
      },
    );
  }
  return loadOrCreateKeyFile(join(options.dataDir, SECRET_KEY_FILE));
}

async function loadOrCreateKeyFile(path: string): Promise<Buffer> {
  const existing = await readKeyFile(path);
  if (existing !== undefined) return parseSecretKey(existing, path);
  await mkdir(join(path, '..'), { recursive: true, mode: 0o700 });
  const encoded = randomBytes(SECRET_KEY_BYTES).toString('base64');
  try {
    // `wx`: a process that started at the same moment may have written its key first; use that one.
    await writeFile(path, `${encoded}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return parseSecretKey((await readKeyFile(path)) ?? '', path);
  }
  // The umask may have narrowed the mode further, never widened it; make it exact anyway.
  await chmod(path, 0o600);
  return Buffer.from(encoded, 'base64');
}

async function readKeyFile(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
