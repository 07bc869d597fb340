// Two replays of a probe, at once, each in a context of its own: what they saw is compared to
// call a flow reproducible. A replay that threw (a click that timed out while the machine was busy
// with the other one) saw nothing to compare, so it is tried once more, alone, when the other
// replay got through; when both timed out, both are, one after the other. Only a thrown error is
// tried again: two replays that both finish and disagree are not reproducible, and stay so.

/** What a probe's replay answers: its error when it threw. */
export interface ReplayOutcome {
  error?: string;
}

/**
 * The two replays' outcomes, a thrown one tried again once alone when the other finished; the
 * first try's error of a replay that then got through is in `retried`.
 */
export async function replayTwice<T extends ReplayOutcome>(
  first: () => Promise<T>,
  second: () => Promise<T>,
): Promise<{ outcomes: [T, T]; retried: string[] }> {
  const tried = await Promise.all([first(), second()]);
  const failed = tried.findIndex((outcome) => outcome.error !== undefined);
  if (failed === -1) return { outcomes: tried, retried: [] };
  if (tried.every((outcome) => outcome.error !== undefined)) return bothAlone(tried, first, second);
  const again = await (failed === 0 ? first : second)();
  if (again.error !== undefined) return { outcomes: tried, retried: [] };
  const outcomes: [T, T] = failed === 0 ? [again, tried[1]] : [tried[0], again];
  return { outcomes, retried: [tried[failed]!.error!] };
}

/** The errors the probe ends with, and a first try that got through alone, for the report. */
export function replayProblems(probe: string, outcomes: ReplayOutcome[], retried: string[]): string[] {
  return [
    ...outcomes.flatMap((outcome) => (outcome.error ? [`${probe}: ${outcome.error}`] : [])),
    ...retried.map((error) => `${probe}: ${error} (got through when tried again alone)`),
  ];
}

/** An action or a wait that ran out of its time: on a busy machine, what the load does. */
const TIMED_OUT = /\btimeout\b|\btimed out\b/i;

/**
 * Both threw. Where either error is not a timeout, the flow itself fails here, not the machine's
 * load. Where both timed out (a heavy app, six contexts at once on two cores), each is tried once
 * more alone, one after the other: the second only once the first got through.
 */
async function bothAlone<T extends ReplayOutcome>(
  tried: [T, T],
  first: () => Promise<T>,
  second: () => Promise<T>,
): Promise<{ outcomes: [T, T]; retried: string[] }> {
  if (!tried.every((outcome) => TIMED_OUT.test(outcome.error!))) return { outcomes: tried, retried: [] };
  const again = await first();
  if (again.error !== undefined) return { outcomes: tried, retried: [] };
  const other = await second();
  const retried = [tried[0].error!, ...(other.error === undefined ? [tried[1].error!] : [])];
  return { outcomes: [again, other], retried };
}
