import { createHash } from 'node:crypto';
import type { TriageCluster, TriageFailure } from '../core/triage.ts';
import { classifyFailure, type Classification } from './classify-rules.ts';
import { nextActionFor } from './next-action.ts';
import { normaliseFrame, normaliseMessage } from './normalise-message.ts';

/** Frames kept in a signature: the innermost test code is where one cause shows. */
const TOP_FRAMES = 2;
const EXAMPLES_KEPT = 50;

/**
 * Classifies each failure by the rules, then groups those sharing one root cause: the same
 * class and normalised message, the same top frames, and the same operation or test file —
 * except for the environment, whose cause (a stopped target) is shared by every operation.
 */
export function clusterFailures(failures: TriageFailure[]): TriageCluster[] {
  const clusters = new Map<string, TriageCluster & { reasonSet: Set<string> }>();
  for (const failure of failures) {
    const classification = classifyFailure(failure);
    const signature = signatureOf(failure, classification);
    let cluster = clusters.get(signature);
    if (!cluster) {
      cluster = {
        id: clusterId(signature),
        signature,
        title: titleOf(failure, classification),
        class: classification.class,
        decidedBy: 'rules',
        reasons: [],
        reasonSet: new Set(),
        nextAction: nextActionFor(classification.class),
        count: 0,
        failures: [],
        recognised: undefined,
      };
      clusters.set(signature, cluster);
    }
    cluster.count++;
    for (const reason of classification.reasons) cluster.reasonSet.add(reason);
    if (cluster.failures.length < EXAMPLES_KEPT)
      cluster.failures.push({
        test: failure.test,
        file: failure.file,
        operation: failure.operation,
        message: failure.message.slice(0, 2000),
      });
  }
  return [...clusters.values()].map(({ reasonSet, ...cluster }) => ({ ...cluster, reasons: [...reasonSet] }));
}

export function clusterId(signature: string): string {
  return createHash('sha256').update(signature).digest('hex').slice(0, 16);
}

function signatureOf(failure: TriageFailure, classification: Classification): string {
  if (failure.findingSignature) return `${classification.class}|finding|${failure.findingSignature}`;
  const scope =
    classification.class === 'environment'
      ? ''
      : (failure.operation ?? failure.file?.replace(/:\d+$/, '') ?? '');
  const frames = failure.frames.slice(0, TOP_FRAMES).map(normaliseFrame).join(' < ');
  return [classification.class, normaliseMessage(failure.message), frames, scope].join('|');
}

function titleOf(failure: TriageFailure, classification: Classification): string {
  if (failure.findingTitle && classification.class !== 'environment') return failure.findingTitle;
  const line = failure.message.split('\n').find((text) => text.trim()) ?? failure.message;
  const where = classification.class === 'environment' ? '' : (failure.operation ?? failure.file ?? '');
  return `${where ? `${where}: ` : ''}${line.trim().slice(0, 160)}`;
}
