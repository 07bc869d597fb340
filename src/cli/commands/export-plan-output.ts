/** Prints the requests a dry run would send: method, path, when, and the body as JSON. */
export function printPlannedRequests(
  title: string,
  planned: { method: string; path: string; query?: Record<string, unknown>; body?: unknown; when: string }[],
): void {
  const lines = [title, ''];
  for (const request of planned) {
    const query = request.query
      ? `?${new URLSearchParams(Object.entries(request.query).map(([name, value]): [string, string] => [name, String(value)])).toString()}`
      : '';
    lines.push(`${request.method} ${request.path}${query}    # ${request.when}`);
    if (request.body !== undefined)
      lines.push(
        ...(typeof request.body === 'string' ? request.body : JSON.stringify(request.body, null, 2))
          .split('\n')
          .map((line) => `  ${line}`),
      );
    lines.push('');
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
