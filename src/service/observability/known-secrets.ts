import { secretScrubber, type SecretScrubber } from '../../core/secret-values.ts';
import { REDACTED } from './redact-secrets.ts';

/**
 * The values every log line is scrubbed of: the service's own (its secret key, database
 * passwords) and those of the jobs running now (their target headers and secret variables),
 * held while a job runs, so a log line about it never carries them.
 */
export class KnownSecrets {
  readonly #fixed: readonly string[];
  readonly #held = new Map<object, readonly string[]>();
  #scrubber: SecretScrubber;

  constructor(fixed: readonly string[] = []) {
    this.#fixed = fixed.filter(Boolean);
    this.#scrubber = this.#build();
  }

  /** Adds `values` until the returned release is called. */
  hold(values: readonly string[]): () => void {
    const holder = {};
    this.#held.set(holder, values);
    this.#scrubber = this.#build();
    return () => {
      if (this.#held.delete(holder)) this.#scrubber = this.#build();
    };
  }

  /** Built once per change, not per log line. */
  get scrubber(): SecretScrubber {
    return this.#scrubber;
  }

  #build(): SecretScrubber {
    return secretScrubber([...this.#fixed, ...[...this.#held.values()].flat()], REDACTED);
  }
}
