// The API key the user entered, kept in this browser only and sent as a Bearer token.
const STORAGE_KEY = 'testops.apiKey';
const listeners = new Set<() => void>();

export function readApiKey(): string | undefined {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function saveApiKey(key: string | undefined): void {
  if (key) localStorage.setItem(STORAGE_KEY, key.trim());
  else localStorage.removeItem(STORAGE_KEY);
  listeners.forEach((listener) => listener());
}

export function onApiKeyChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
