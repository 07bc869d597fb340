import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { TestopsError } from '../../core/errors.ts';

export interface SealedSecret {
  ciphertext: Buffer;
  iv: Buffer;
  tag: Buffer;
}

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;

/**
 * AES-256-GCM with a fresh IV per value. The secret's project and name are authenticated as
 * associated data, so a ciphertext copied onto another row (another project's secret) fails to
 * open instead of leaking there.
 */
export class SecretBox {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new RangeError('SecretBox needs a 32-byte key');
    this.#key = key;
  }

  seal(plaintext: string, context: string): SealedSecret {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.#key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { ciphertext, iv, tag: cipher.getAuthTag() };
  }

  /** `where` names the secret in the error when the key is wrong or the row was tampered with. */
  open(sealed: SealedSecret, context: string, where: string): string {
    try {
      const decipher = createDecipheriv(ALGORITHM, this.#key, sealed.iv);
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(sealed.tag);
      return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
    } catch (error) {
      throw new TestopsError('TESTOPS_SECRET_UNREADABLE', 'the secret cannot be decrypted', {
        where,
        expected: 'the secret key that encrypted it',
        hint: 'start every process with the same TESTOPS_SECRET_KEY (or the same data directory) that was used when the secret was stored, or store the secret again',
        cause: error,
      });
    }
  }
}
