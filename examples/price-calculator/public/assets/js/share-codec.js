// Share links carry the estimate in the URL hash as base64url-encoded JSON, so opening the link
// in any browser restores the same configuration without a server round trip.
import { hasFault } from './fault.js';

const hashKey = 'state';

function toBase64Url(text) {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded) {
  const base64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

export function buildShareUrl(items) {
  // Fault: an off-by-one slice drops the last service from the link.
  const shared = hasFault('share-link-loses-service') ? items.slice(0, -1) : items;
  const payload = { v: 1, items: shared.map((item) => ({ productId: item.productId, values: item.values })) };
  return `${window.location.origin}/estimate#${hashKey}=${toBase64Url(JSON.stringify(payload))}`;
}

/**
 * Reads a shared estimate from the current hash. Returns null when there is none, or
 * { error } when the link is damaged or names unknown products.
 */
export function readSharedEstimate(catalog) {
  const hash = new URLSearchParams(window.location.hash.slice(1)).get(hashKey);
  if (!hash) return null;
  try {
    const payload = JSON.parse(fromBase64Url(hash));
    if (payload?.v !== 1 || !Array.isArray(payload.items)) return { error: 'unsupported format' };
    const entries = [];
    for (const entry of payload.items) {
      const product = catalog.products.find((candidate) => candidate.id === entry?.productId);
      if (!product) return { error: `unknown product "${entry?.productId}"` };
      const values = {};
      for (const field of product.fields) {
        const value = entry.values?.[field.id];
        values[field.id] = typeof value === typeof field.default ? value : field.default;
      }
      entries.push({ product, values });
    }
    return { entries };
  } catch {
    return { error: 'the link is damaged' };
  }
}
