import type { ActiveBehavior } from '../../crews/sources/active-behavior.ts';
import type { ServiceConfig } from '../config.ts';
import type { EventBus } from '../jobs/event-bus.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { ServiceMetrics } from '../observability/metrics.ts';
import type { Stores } from '../store/stores.ts';

/** A dependency /ready reports on: the database, the queue, the browser, the LLM when configured. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
  /** An optional dependency (the model): failing, it shows as degraded and the service stays ready. */
  optional?: boolean;
}

/** A bundled demo target: where it listens and, for API demos, its OpenAPI file and token. */
export interface DemoTarget {
  name: string;
  url: string;
  spec?: string;
  token?: string;
}

/** Everything the HTTP layer needs, built once by the composition root (serve). */
export interface ServiceContext {
  config: ServiceConfig;
  stores: Stores;
  queue: JobQueue;
  bus: EventBus;
  metrics: ServiceMetrics | undefined;
  readiness: ReadinessCheck[];
  /** The demo targets started beside the server (`serve` on the embedded default); none when absent. */
  demos?: readonly DemoTarget[];
  /** Private origins submissions may target anyway (the bundled demos); none when absent. */
  trustedOrigins?: readonly string[];
  /** The crews' behaviour in force (reloaded on change); the shipped crew when absent. */
  behavior?: ActiveBehavior;
  /** The W3C traceparent of the current request's span, carried into the job. */
  traceparent(): string | undefined;
}
