import type { EventSink } from '../core/events.ts';
import type { VendorRetry } from '../integrations/vendor-http.ts';

/** Each retry of a vendor call as a warning on the progress stream (the CLI's stderr, a job's events). */
export function logVendorRetries(vendor: string, events: EventSink): (retry: VendorRetry) => void {
  return (retry) =>
    events({
      type: 'log',
      level: 'warn',
      message: `${vendor} answered ${retry.status ?? 'nothing'} to ${retry.method} ${retry.path}; attempt ${retry.attempt + 1} in ${Math.ceil(retry.waitMs / 100) / 10} s`,
    });
}
