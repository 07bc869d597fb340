import { describe, expect, it } from 'vitest';
import type { DefectRecord } from '../../src/core/defect.ts';
import { DefectRelevance } from '../../src/optimisation/defect-relevance.ts';
import type { Subject } from '../../src/optimisation/subject-words.ts';

const COMPONENTS = ['Compute API / VMs', 'Storage › Disks', 'Billing', 'Network: Load balancers', '', 'VM'];
const SUMMARIES = [
  'Attaching a disk fails',
  'Deleted disk still listed in GET /api/v1/disks',
  'Price of vm is wrong',
  'POST /api/v1/vms answers 500',
  'Load balancer health check flaps',
];
const WORDS = ['attach', 'disk', 'vm', 'price', 'balancer', 'load', 'health', 'list'];

function random(seed: number): (max: number) => number {
  let state = seed;
  return (max) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % max;
  };
}

function history(count: number, next: (max: number) => number): DefectRecord[] {
  return Array.from({ length: count }, (_, index) => ({
    key: `CALC-${index}`,
    summary: SUMMARIES[next(SUMMARIES.length)]!,
    components: [COMPONENTS[next(COMPONENTS.length)]!],
    priority: ['Blocker', 'Major', undefined][next(3)],
    created: `2026-0${1 + next(9)}-1${next(10)}T09:00:00.000Z`,
    resolution: [undefined, 'Fixed', "Won't fix"][next(3)],
    source: { file: 'defects.csv', line: index + 2 },
  }));
}

function subject(next: (max: number) => number): Subject {
  const pick = () => WORDS[next(WORDS.length)]!;
  return {
    words: new Set(Array.from({ length: next(4) }, pick)),
    actions: Array.from({ length: next(3) }, () => Array.from({ length: 1 + next(2) }, pick)),
    operations: next(2) === 0 ? ['GET /api/v1/disks', 'POST /api/v1/vms'].slice(next(2)) : [],
  };
}

describe('defect relevance at scale', () => {
  it('finds the hits scanning the whole history found', () => {
    // Recorded with the version that checked every defect for every subject.
    const next = random(13);
    const relevance = new DefectRelevance(history(300, next));
    const hits = Array.from({ length: 40 }, () =>
      relevance
        .hits(subject(next))
        .map((hit) => `${hit.record.key}:${hit.weight}`)
        .join(' '),
    );
    expect(hits).toMatchSnapshot();
  });

  it('an empty action phrase is in every summary', () => {
    const next = random(17);
    const records = history(20, next);
    const hits = new DefectRelevance(records).hits({ words: new Set(), actions: [[]], operations: [] });
    expect(hits.length).toBeGreaterThan(0);
  });
});
