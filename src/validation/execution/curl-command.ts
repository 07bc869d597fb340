import type { RecordedExchange } from '../../core/run-report.ts';

const REDACTED = '<redacted>';

/** A curl line that replays the request; redacted credentials come back as environment variables. */
export function curlCommand(exchange: RecordedExchange): string {
  const parts = ['curl', '-i', '-X', exchange.request.method, shellQuote(exchange.request.url)];
  for (const [name, value] of Object.entries(exchange.request.headers)) {
    if (name.toLowerCase() === 'accept') continue;
    parts.push(
      '-H',
      value === REDACTED ? `"${name}: ${credentialVariable(name)}"` : shellQuote(`${name}: ${value}`),
    );
  }
  if (exchange.request.body !== undefined) parts.push('--data-raw', shellQuote(exchange.request.body));
  return parts.join(' ');
}

function credentialVariable(header: string): string {
  return header.toLowerCase() === 'authorization' ? 'Bearer $API_TOKEN' : '$API_KEY';
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
