import { createHash } from 'node:crypto';
import { readBehaviorText } from '../behavior-file.ts';
import type { BehaviorSource } from './behavior-source.ts';

/** A behaviour file: read whole each time (it is small); the version is its content hash. */
export class FileBehaviorSource implements BehaviorSource {
  readonly label: string;
  constructor(readonly path: string) {
    this.label = path;
  }

  async read(): Promise<{ text: string; version: string }> {
    const text = await readBehaviorText(this.path);
    return { text, version: createHash('sha256').update(text).digest('hex').slice(0, 16) };
  }
}
