import type { TestLabels, TestPriority } from '../../core/existing-test.ts';

export function emptyLabels(): TestLabels {
  return {
    feature: undefined,
    story: undefined,
    suite: undefined,
    owner: undefined,
    priority: undefined,
    tags: [],
    links: [],
    operations: [],
    covers: [],
    caseId: undefined,
    skipped: false,
  };
}

const PRIORITIES: Record<string, TestPriority> = {
  blocker: 'critical',
  critical: 'critical',
  highest: 'critical',
  high: 'critical',
  normal: 'normal',
  medium: 'normal',
  major: 'normal',
  low: 'low',
  minor: 'low',
  trivial: 'low',
  lowest: 'low',
};

/** `CRITICAL`, `@critical`, `severity_level.BLOCKER`, `p1` → a priority; undefined otherwise. */
export function priorityOf(value: string): TestPriority | undefined {
  const word = value.trim().replace(/^@/, '').split('.').pop()!.toLowerCase();
  if (/^p[01]$/.test(word)) return 'critical';
  if (word === 'p2') return 'normal';
  if (/^p[3-9]$/.test(word)) return 'low';
  return PRIORITIES[word];
}

/** Adds a tag, and takes it as the priority when it names one and none was set. */
export function addTag(labels: TestLabels, tag: string): void {
  const clean = tag.trim().replace(/^@/, '');
  if (!clean || labels.tags.includes(clean)) return;
  labels.tags.push(clean);
  labels.priority ??= priorityOf(clean);
}
