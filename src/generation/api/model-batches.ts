/**
 * Asks the model once per batch of `size` items, all batches at once. A batch that fails is
 * answered by its error, so one failed call costs only its batch; answers come in batch order,
 * so what is judged from them does not depend on which call came back first.
 */
export async function askInBatches<T, A>(
  items: readonly T[],
  size: number,
  ask: (batch: T[]) => Promise<A>,
): Promise<(A | { error: unknown })[]> {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return Promise.all(batches.map((batch) => ask(batch).catch((error: unknown) => ({ error }))));
}
