// What else changed on the page between two snapshots: texts, values, states, elements and
// loose texts that appeared or disappeared. Nested noise is folded: when a container appears,
// its contents are not reported again; when something inside an element changes, the element's
// own (longer) text change is not reported on top.
import type { ObservedItem, PageSnapshot } from './in-page-types.ts';

export type Change =
  | { kind: 'text-changed'; key: string; before: string; after: string }
  | { kind: 'value-changed'; key: string; before: string; after: string }
  | { kind: 'state-changed'; key: string; state: StateName }
  | { kind: 'appeared'; key: string; text: string | undefined; moved?: true }
  | { kind: 'disappeared'; key: string; moved?: true }
  | { kind: 'text-appeared'; text: string; parent: string }
  | { kind: 'text-disappeared'; text: string; parent: string };

type StateName =
  'enabled' | 'disabled' | 'checked' | 'unchecked' | 'expanded' | 'collapsed' | 'invalid' | 'valid';

export interface DiffResult {
  changes: Change[];
  /** Every key that became visible, nested ones included: candidates for follow-up interactions. */
  revealed: string[];
  /** Landmarks (`role "name"`) that contain any change: not stable regions. */
  touched: string[];
}

const byKey = (snapshot: PageSnapshot): Map<string, ObservedItem> =>
  new Map(snapshot.items.map((item) => [item.key, item]));

function ancestors(key: string, items: Map<string, ObservedItem>): string[] {
  const chain: string[] = [];
  for (
    let parent = items.get(key)?.parent;
    parent && !chain.includes(parent);
    parent = items.get(parent)?.parent
  ) {
    chain.push(parent);
  }
  return chain;
}

function stateChanges(key: string, before: ObservedItem, after: ObservedItem, isTarget: boolean): Change[] {
  const changes: Change[] = [];
  const push = (state: StateName): void => void changes.push({ kind: 'state-changed', key, state });
  if (before.enabled !== after.enabled) push(after.enabled ? 'enabled' : 'disabled');
  if (!isTarget && before.checked !== after.checked && after.checked !== undefined) {
    push(after.checked ? 'checked' : 'unchecked');
  }
  if (before.expanded !== after.expanded && after.expanded !== undefined) {
    push(after.expanded === 'true' ? 'expanded' : 'collapsed');
  }
  if (before.invalid !== after.invalid) push(after.invalid ? 'invalid' : 'valid');
  return changes;
}

function itemChanges(key: string, before: ObservedItem, after: ObservedItem, isTarget: boolean): Change[] {
  const changes: Change[] = [];
  if (before.text !== null && after.text !== null && before.text !== after.text) {
    changes.push({ kind: 'text-changed', key, before: before.text, after: after.text });
  }
  if (!isTarget && before.value !== undefined && after.value !== undefined && before.value !== after.value) {
    changes.push({ kind: 'value-changed', key, before: before.value, after: after.value });
  }
  return [...changes, ...stateChanges(key, before, after, isTarget)];
}

function looseTextChanges(before: PageSnapshot, after: PageSnapshot): Change[] {
  const count = (snapshot: PageSnapshot): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const { text, parent } of snapshot.texts) {
      const id = JSON.stringify([text, parent]);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  };
  const [was, is] = [count(before), count(after)];
  const changes: Change[] = [];
  for (const id of new Set([...was.keys(), ...is.keys()])) {
    const [text, parent] = JSON.parse(id) as [string, string];
    const delta = (is.get(id) ?? 0) - (was.get(id) ?? 0);
    if (delta > 0) changes.push({ kind: 'text-appeared', text, parent });
    if (delta < 0) changes.push({ kind: 'text-disappeared', text, parent });
  }
  return changes;
}

export function diffSnapshots(before: PageSnapshot, after: PageSnapshot, targetKey?: string): DiffResult {
  const [was, is] = [byKey(before), byKey(after)];
  const changes: Change[] = [];
  const revealed: string[] = [];
  for (const key of new Set([...was.keys(), ...is.keys()])) {
    const [b, a] = [was.get(key), is.get(key)];
    const [visibleBefore, visibleAfter] = [b?.visible ?? false, a?.visible ?? false];
    if (!visibleBefore && visibleAfter) {
      revealed.push(key);
      changes.push({ kind: 'appeared', key, text: a?.text ?? undefined });
    } else if (visibleBefore && !visibleAfter) {
      changes.push({ kind: 'disappeared', key });
    } else if (b && a && visibleAfter) {
      changes.push(...itemChanges(key, b, a, key === targetKey));
    }
  }
  changes.push(...looseTextChanges(before, after));
  const lineage = (key: string): string[] => (key ? [...ancestors(key, is), ...ancestors(key, was)] : []);
  const above = (change: Change): string[] =>
    'key' in change ? lineage(change.key) : [change.parent, ...lineage(change.parent)].filter(Boolean);
  const shown = new Set(
    changes.flatMap((c) => (c.kind === 'appeared' || c.kind === 'disappeared' ? [c.key] : [])),
  );
  const containsChange = new Set(changes.filter((c) => c.kind !== 'state-changed').flatMap(above));
  const kept = changes.filter((change) => {
    if (above(change).some((key) => shown.has(key))) return false; // inside what appeared/disappeared
    return !(change.kind === 'text-changed' && containsChange.has(change.key)); // outer text of an inner change
  });
  const resolved = kept.flatMap((change) => (isMove(change, is) ? asMove(change) : [change]));
  return { changes: resolved, revealed, touched: touchedRegions(resolved, before, after) };
}

/** A positional key whose own text changed holds another element now (a re-rendered list item). */
function isMove(
  change: Change,
  after: Map<string, ObservedItem>,
): change is Change & { kind: 'text-changed' } {
  return change.kind === 'text-changed' && after.get(change.key)?.stable === false;
}

function asMove(change: Change & { kind: 'text-changed' }): Change[] {
  return [
    { kind: 'disappeared', key: change.key, moved: true },
    { kind: 'appeared', key: change.key, text: change.after, moved: true },
  ];
}

function touchedRegions(changes: Change[], before: PageSnapshot, after: PageSnapshot): string[] {
  const regions = new Set<string>();
  const items = [...before.items, ...after.items];
  const texts = [...before.texts, ...after.texts];
  for (const change of changes) {
    const own =
      'key' in change
        ? items.filter((item) => item.key === change.key)
        : texts.filter((entry) => entry.text === change.text && entry.parent === change.parent);
    for (const entry of own) for (const region of entry.regions) regions.add(region);
  }
  return [...regions];
}
