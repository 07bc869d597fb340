import type { MemoryCluster, NextAction, TriageCluster, TriageResult } from '../core/triage.ts';

const ACTIONS: Record<NextAction, string> = {
  'open-defect': 'open a defect',
  'repair-test': 'repair the test',
  quarantine: 'quarantine the test',
  'fix-environment': 'fix the environment',
};

const EXAMPLES_SHOWN = 3;

/** The triage as text for a terminal or a chat reply: one block per cluster, largest first. */
export function renderTriage(result: TriageResult): string {
  const lines = [
    `Triage of ${result.source} (${result.format}): ${result.failures} failure${result.failures === 1 ? '' : 's'} in ${result.clusters.length} cluster${result.clusters.length === 1 ? '' : 's'}, project ${result.project}`,
    `model: ${result.model.message}`,
    ...result.problems.map((problem) => `skipped ${problem.entry}: ${problem.message}`),
  ];
  result.clusters.forEach((cluster, index) => lines.push('', ...renderCluster(cluster, index + 1)));
  if (result.clusters.length === 0) lines.push('', 'No failed or flaky tests.');
  return `${lines.join('\n')}\n`;
}

function renderCluster(cluster: TriageCluster, position: number): string[] {
  return [
    `${position}. ${cluster.class.toUpperCase()} (${cluster.count} failure${cluster.count === 1 ? '' : 's'}) → ${ACTIONS[cluster.nextAction]}   [${cluster.id}]`,
    `   ${cluster.title}`,
    ...cluster.reasons.map((reason) => `   why: ${reason}`),
    `   decided by: ${cluster.decidedBy}`,
    ...(cluster.recognised ? [`   memory: ${cluster.recognised.text}`] : ['   memory: first time seen']),
    ...cluster.failures.slice(0, EXAMPLES_SHOWN).map((failure) => `   - ${failure.test}`),
    ...(cluster.count > EXAMPLES_SHOWN ? [`   - … and ${cluster.count - EXAMPLES_SHOWN} more`] : []),
  ];
}

/** One remembered cluster, one line plus its correction. */
export function renderMemoryCluster(cluster: MemoryCluster): string {
  const decided = cluster.correction
    ? `${cluster.correction.class} (corrected by ${cluster.correction.by})`
    : `${cluster.class} by ${cluster.decidedBy}`;
  return `${cluster.id}  ${decided}  seen ${cluster.count}× ${cluster.firstSeen.slice(0, 10)}…${cluster.lastSeen.slice(0, 10)}  ${cluster.title}`;
}
