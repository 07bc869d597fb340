const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * Makes `fetch` refuse every host but loopback for the rest of the process. A corpus spec with
 * a remote `$ref` would otherwise make the bundler download it: the benchmark must never send
 * traffic off this machine, and a refused fetch shows up as that spec's error instead.
 */
export function restrictFetchToLoopback(): void {
  const original = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!LOOPBACK_HOSTS.has(url.hostname) && !url.hostname.startsWith('127.')) {
      return Promise.reject(new Error(`benchmark refused to fetch ${url.href}: only loopback is allowed`));
    }
    return original(input, init);
  };
}
