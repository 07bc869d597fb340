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
  // Checked only counts for what was checkable before: another element re-rendered at the same
  // place (an item's editor replaced by its checkbox) did not become "unchecked".
  if (
    !isTarget &&
    before.checked !== after.checked &&
    after.checked !== undefined &&
    before.checked !== undefined
  ) {
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

/**
 * Texts not inside an observed element, compared by how often each text shows: the element
 * holding one may get another key when its list re-renders, which moves nothing on screen. A
 * change names the parent (of the snapshot it shows in) whose count changed, else any.
 */
function looseTextChanges(before: PageSnapshot, after: PageSnapshot): Change[] {
  const count = (snapshot: PageSnapshot, by: (entry: { text: string; parent: string }) => string) => {
    const counts = new Map<string, number>();
    for (const entry of snapshot.texts) counts.set(by(entry), (counts.get(by(entry)) ?? 0) + 1);
    return counts;
  };
  const byText = (entry: { text: string }): string => entry.text;
  const byPlace = (entry: { text: string; parent: string }): string =>
    JSON.stringify([entry.text, entry.parent]);
  const [was, is] = [count(before, byText), count(after, byText)];
  const [wasAt, isAt] = [count(before, byPlace), count(after, byPlace)];
  const parentOf = (
    text: string,
    snapshot: PageSnapshot,
    more: Map<string, number>,
    less: Map<string, number>,
  ) => {
    const entries = snapshot.texts.filter((entry) => entry.text === text);
    const changed = entries.find(
      (entry) => (more.get(byPlace(entry)) ?? 0) > (less.get(byPlace(entry)) ?? 0),
    );
    return (changed ?? entries[0])?.parent ?? '';
  };
  const changes: Change[] = [];
  for (const text of new Set([...was.keys(), ...is.keys()])) {
    const delta = (is.get(text) ?? 0) - (was.get(text) ?? 0);
    if (delta > 0) changes.push({ kind: 'text-appeared', text, parent: parentOf(text, after, isAt, wasAt) });
    if (delta < 0)
      changes.push({ kind: 'text-disappeared', text, parent: parentOf(text, before, wasAt, isAt) });
  }
  return changes;
}

/**
 * Whether an element was always there and is only observed differently: a shared test id became
 * unique (or stopped being), so the element started (or stopped) being observed on its own. Its
 * stably keyed descendants were visible on both sides.
 */
function onlyObservedDifferently(
  change: Change,
  was: Map<string, ObservedItem>,
  is: Map<string, ObservedItem>,
): boolean {
  if (change.kind !== 'appeared' && change.kind !== 'disappeared') return false;
  const [own, other] = change.kind === 'appeared' ? [is, was] : [was, is];
  if (other.has(change.key)) return false; // it was observed on both sides: a real change
  return [...own.values()].some(
    (item) =>
      item.stable &&
      other.get(item.key)?.visible === true &&
      item.visible &&
      ancestors(item.key, own).includes(change.key),
  );
}

/** A loose text counts as gone (or new) only where it shows nowhere, inside an element or not. */
function stillShown(change: Change, before: PageSnapshot, after: PageSnapshot): boolean {
  if (change.kind !== 'text-appeared' && change.kind !== 'text-disappeared') return false;
  const other = change.kind === 'text-appeared' ? before : after;
  return (
    other.texts.some((entry) => entry.text === change.text) ||
    other.items.some((item) => item.visible && item.text !== null && item.text.includes(change.text))
  );
}

/**
 * An element whose key changed (it became the only one of its kind, or its siblings moved) shows
 * up as one element gone and another come, with the same text: such pairs are no change.
 */
function withoutRekeyed(
  changes: Change[],
  was: Map<string, ObservedItem>,
  is: Map<string, ObservedItem>,
): Change[] {
  const textOf = (change: Change): string | null | undefined =>
    change.kind === 'appeared'
      ? is.get(change.key)?.text
      : change.kind === 'disappeared'
        ? was.get(change.key)?.text
        : undefined;
  const gone = new Map<string, number[]>();
  changes.forEach((change, index) => {
    const text = textOf(change);
    if (change.kind === 'disappeared' && text) gone.set(text, [...(gone.get(text) ?? []), index]);
  });
  const dropped = new Set<number>();
  changes.forEach((change, index) => {
    const text = textOf(change);
    const partner = change.kind === 'appeared' && text ? gone.get(text)?.shift() : undefined;
    if (partner !== undefined) dropped.add(index).add(partner);
  });
  return changes.filter((_change, index) => !dropped.has(index));
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
  const settled = withoutRekeyed(changes, was, is).filter(
    (change) => !onlyObservedDifferently(change, was, is),
  );
  const texts = looseTextChanges(before, after).filter((change) => !stillShown(change, before, after));
  changes.splice(0, changes.length, ...settled, ...texts);
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
  // A re-rendered item can land on the key of one that left: paired again once moves are spelled out.
  const resolved = withoutRekeyed(
    kept.flatMap((change) => (isMove(change, is) ? asMove(change) : [change])),
    was,
    is,
  );
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
  return [...new Set(changes.flatMap((change) => regionsOfChange(change, before, after)))];
}

/** The landmarks (`navigation "Main"`, `main`) around what a change is about, in either snapshot. */
export function regionsOfChange(change: Change, before: PageSnapshot, after: PageSnapshot): string[] {
  const own = [before, after].flatMap((snapshot): { regions: string[] }[] =>
    'key' in change
      ? snapshot.items.filter((item) => item.key === change.key)
      : snapshot.texts.filter((entry) => entry.text === change.text && entry.parent === change.parent),
  );
  return [...new Set(own.flatMap((entry) => entry.regions))];
}

/** Equal for two runs that saw the same changes, in whatever order they were found. */
export function changesSignature(changes: Change[]): string {
  return JSON.stringify(changes.map((change) => JSON.stringify(change)).sort());
}
