// The SSRF guard around one suite run, for a base URL given by someone else (the service).
import type { EventSink } from '../core/events.ts';
import { checkTargetUrl, type UrlGuardOptions } from '../sources/url-guard.ts';
import { startGuardProxy, type GuardProxy } from '../sources/web/guard-proxy.ts';
import type { ConnectGuardPolicy } from '../validation/execution/connect-guard.ts';

export interface GuardedRun {
  /** What the runner's processes enforce at connect time. */
  policy: ConnectGuardPolicy;
  /** The proxy a UI suite's browser connects through; close it when the run ends. */
  proxy: GuardProxy | undefined;
}

/**
 * Judges the base URL now (the name may answer differently than when the job was submitted) and
 * pins its host to the answer for the run; nothing to enforce when private targets are allowed.
 * UI suites' browsers connect through a guard proxy, the one loopback endpoint the run may reach.
 */
export async function guardRun(
  baseUrl: string,
  guard: UrlGuardOptions,
  run: { browser: boolean; events: EventSink },
): Promise<GuardedRun | undefined> {
  const target = await checkTargetUrl(new URL(baseUrl), guard);
  if (guard.allowPrivate) return undefined;
  const pins = { [target.host]: target.addresses };
  if (!run.browser) return { policy: { pins }, proxy: undefined };
  const proxy = await startGuardProxy({
    guard,
    pinned: [target],
    onRefused: (url, reason) =>
      run.events({ type: 'log', level: 'warn', message: `${url}: request refused: ${reason}` }),
  });
  const { hostname, port } = new URL(proxy.server);
  return { policy: { pins, allow: [`${hostname}:${port}`] }, proxy };
}
