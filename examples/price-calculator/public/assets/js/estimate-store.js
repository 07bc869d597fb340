// The estimate (the list of configured services) lives in localStorage so it survives page
// loads; every change notifies subscribers such as the header counter.
import { hasFault } from './fault.js';

const storageKey = 'price-calculator.estimate.v1';
const listeners = new Set();

function load() {
  try {
    const parsed = JSON.parse(window.localStorage.getItem(storageKey) ?? 'null');
    if (parsed && Array.isArray(parsed.items) && Number.isInteger(parsed.nextId)) return parsed;
  } catch {
    // A corrupt or inaccessible entry starts a fresh estimate rather than breaking the page.
  }
  return { items: [], nextId: 1 };
}

let state = load();

function commit(next) {
  state = next;
  try {
    window.localStorage.setItem(storageKey, JSON.stringify(state));
  } catch {
    // Private modes may refuse storage; the estimate then lasts for this page only.
  }
  for (const listener of listeners) listener(state.items);
}

export function getItems() {
  return state.items;
}

export function findItem(id) {
  return state.items.find((item) => item.id === id);
}

export function subscribe(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Repeated products get numbered names ("Virtual Machine 2") so every item has a unique
// accessible name for its Edit, Remove and Compare controls.
function nextName(items, productName) {
  const taken = new Set(items.map((item) => item.name));
  if (!taken.has(productName)) return productName;
  let suffix = 2;
  while (taken.has(`${productName} ${suffix}`)) suffix += 1;
  return `${productName} ${suffix}`;
}

function buildItems(entries, startId, existing = []) {
  const items = [...existing];
  let nextId = startId;
  for (const entry of entries) {
    items.push({
      id: `item-${nextId}`,
      productId: entry.product.id,
      name: nextName(items, entry.product.name),
      values: { ...entry.values },
    });
    nextId += 1;
  }
  return { items, nextId };
}

export function addItem(product, values) {
  const next = buildItems([{ product, values }], state.nextId, state.items);
  commit(next);
  return next.items[next.items.length - 1];
}

export function updateItem(id, values) {
  commit({
    ...state,
    items: state.items.map((item) => (item.id === id ? { ...item, values: { ...values } } : item)),
  });
}

export function removeItem(id) {
  // Fault: the item is never filtered out, although the caller reports success.
  const items = hasFault('remove-leaves-item') ? state.items : state.items.filter((item) => item.id !== id);
  commit({ ...state, items });
}

/** Replaces the whole estimate, e.g. when a shared link is opened. */
export function replaceItems(entries) {
  commit(buildItems(entries, 1));
}
