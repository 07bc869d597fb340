import type { MemoryCluster, TriageCluster } from '../core/triage.ts';
import { nextActionFor } from './next-action.ts';

/**
 * Applies what the project's memory knows: a recurring cluster says when and how it was seen;
 * a class a user corrected replaces the rules' and the model's.
 */
export function recognise(
  cluster: TriageCluster,
  memory: { cluster: MemoryCluster; distance: number },
): TriageCluster {
  const known = memory.cluster;
  const decided = known.correction
    ? { class: known.correction.class, decidedBy: `user:${known.correction.by}` as const }
    : { class: known.class, decidedBy: known.decidedBy };
  const text = `seen ${known.count} time${known.count === 1 ? '' : 's'} since ${known.firstSeen.slice(0, 10)}, triaged as ${decided.class} by ${decided.decidedBy}`;
  const recognised = {
    memoryId: known.id,
    match: memory.distance === 0 && known.id === cluster.id ? ('signature' as const) : ('nearest' as const),
    distance: memory.distance,
    seen: known.count,
    firstSeen: known.firstSeen,
    lastSeen: known.lastSeen,
    class: decided.class,
    decidedBy: decided.decidedBy,
    corrected: known.correction !== undefined,
    text,
  };
  if (!known.correction) return { ...cluster, recognised };
  return {
    ...cluster,
    class: known.correction.class,
    decidedBy: `user:${known.correction.by}`,
    nextAction: nextActionFor(known.correction.class),
    reasons: [
      `corrected by ${known.correction.by} on ${known.correction.at.slice(0, 10)}${known.correction.note ? `: ${known.correction.note}` : ''}`,
      ...(cluster.class === known.correction.class
        ? cluster.reasons
        : [`the rules said ${cluster.class}: ${cluster.reasons.join('; ')}`]),
    ],
    recognised,
  };
}
