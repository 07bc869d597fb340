import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { describeError, isTestopsError, type ErrorProblem } from '../../core/errors.ts';
import type { Behavior } from '../behavior.ts';
import { DEFAULT_CREW_FILE, readBehaviorText } from '../behavior-file.ts';
import { parseBehaviorYaml } from '../behavior-yaml.ts';
import type { BehaviorSource } from './behavior-source.ts';
import { FileBehaviorSource } from './file-source.ts';

/** The behaviour in force, with where and when it came from. */
export interface LoadedBehavior {
  behavior: Behavior;
  text: string;
  source: string;
  version: string;
  loadedAt: Date;
}

/** Why the last reload did not replace the behaviour (the previous one kept serving). */
export interface ReloadFailure {
  code: string;
  message: string;
  problems: ErrorProblem[] | undefined;
  at: Date;
}

export type ReloadOutcome = 'loaded' | 'unchanged' | 'invalid' | 'failed';

export interface ActiveBehaviorOptions {
  /** Told about every reload that did not load (and every one that did), for the log. */
  onReload?: (outcome: ReloadOutcome, detail: string) => void;
  /** Polling interval of sources that cannot be watched (Notion); 0 polls never. */
  pollMs?: number;
}

/**
 * The behaviour the service runs crews with. It starts from the shipped crew, then its source
 * (a file or a Notion page) replaces it on every valid change: file changes, SIGHUP, a poll. An
 * invalid text or a failing source leaves the previous behaviour serving, and says why.
 */
export class ActiveBehavior {
  private loaded: LoadedBehavior;
  private failure: ReloadFailure | undefined;
  private readonly stops: (() => void)[] = [];
  private reloading: Promise<ReloadOutcome> | undefined;

  private constructor(
    private readonly source: BehaviorSource | undefined,
    initial: LoadedBehavior,
    private readonly options: ActiveBehaviorOptions,
  ) {
    this.loaded = initial;
  }

  /** The shipped crew, then (when given) the source's version if it is valid. */
  static async open(
    source: BehaviorSource | undefined,
    options: ActiveBehaviorOptions = {},
  ): Promise<ActiveBehavior> {
    const text = await readBehaviorText(DEFAULT_CREW_FILE);
    const shipped: LoadedBehavior = {
      behavior: parseBehaviorYaml(text, 'default-crew.yaml'),
      text,
      source: 'default crew',
      version: 'default',
      loadedAt: new Date(),
    };
    const active = new ActiveBehavior(source, shipped, options);
    if (source) await active.reload();
    return active;
  }

  current(): LoadedBehavior {
    return this.loaded;
  }

  lastFailure(): ReloadFailure | undefined {
    return this.failure;
  }

  /** Reads the source again; concurrent calls share one read. */
  reload(): Promise<ReloadOutcome> {
    this.reloading ??= this.readSource().finally(() => (this.reloading = undefined));
    return this.reloading;
  }

  /**
   * Reloads on SIGHUP, on changes of a file source (its folder is watched: editors replace
   * files rather than write them), and every `pollMs` for other sources.
   */
  watch(): void {
    const onSignal = () => void this.reload();
    process.on('SIGHUP', onSignal);
    this.stops.push(() => process.off('SIGHUP', onSignal));
    if (this.source instanceof FileBehaviorSource) this.watchFile(this.source.path);
    else if (this.source && this.options.pollMs) {
      const timer = setInterval(() => void this.reload(), this.options.pollMs);
      timer.unref();
      this.stops.push(() => clearInterval(timer));
    }
  }

  close(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  private watchFile(path: string): void {
    let timer: NodeJS.Timeout | undefined;
    let watcher: FSWatcher;
    try {
      watcher = watch(dirname(path), (_event, name) => {
        if (name !== null && name !== basename(path)) return;
        // One reload per burst of writes (an editor's save is several events).
        clearTimeout(timer);
        timer = setTimeout(() => void this.reload(), 100);
      });
    } catch (error) {
      this.options.onReload?.(
        'failed',
        `cannot watch ${path}: ${describeError(error)}; SIGHUP still reloads`,
      );
      return;
    }
    watcher.on('error', () => {});
    this.stops.push(() => {
      clearTimeout(timer);
      watcher.close();
    });
  }

  private async readSource(): Promise<ReloadOutcome> {
    const source = this.source!;
    let read: Awaited<ReturnType<BehaviorSource['read']>>;
    try {
      read = await source.read();
    } catch (error) {
      return this.refuse('failed', error);
    }
    if (read === 'unchanged' || read.version === this.loaded.version) {
      this.options.onReload?.('unchanged', source.label);
      return 'unchanged';
    }
    try {
      const behavior = parseBehaviorYaml(read.text, source.label);
      this.loaded = {
        behavior,
        text: read.text,
        source: source.label,
        version: read.version,
        loadedAt: new Date(),
      };
      this.failure = undefined;
      this.options.onReload?.('loaded', `${source.label} (${read.version})`);
      return 'loaded';
    } catch (error) {
      return this.refuse('invalid', error);
    }
  }

  private refuse(outcome: 'invalid' | 'failed', error: unknown): ReloadOutcome {
    this.failure = {
      code: isTestopsError(error) ? error.code : 'TESTOPS_INTERNAL',
      message: describeError(error),
      problems: isTestopsError(error) ? error.problems : undefined,
      at: new Date(),
    };
    // A Notion page whose YAML is invalid stays refused until it is edited again.
    this.options.onReload?.(
      outcome,
      `${this.failure.message.split('\n')[0]} — keeping ${this.loaded.source}`,
    );
    return outcome;
  }
}
