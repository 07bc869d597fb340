/**
 * Waits for running handlers to settle; if the grace period ends first, calls `stop` (abort the
 * handlers) and keeps waiting, since a handler that was asked to stop still has to hand its job
 * back before the process may exit.
 */
export async function settleWithinGrace(settled: Promise<unknown>, graceMs: number, stop: () => void) {
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs)));
  const timedOut = await Promise.race([settled.then(() => false), graceOver]);
  clearTimeout(timer);
  if (timedOut) stop();
  await settled;
}
