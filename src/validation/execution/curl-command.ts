import type { RecordedExchange } from '../../core/run-report.ts';

const REDACTED = '<redacted>';

/** How the suite authenticates, as far as a curl line needs it. */
export interface CurlAuth {
  kind: 'bearer' | 'basic' | 'api-key' | 'none';
  in?: 'header' | 'query' | 'cookie';
  name?: string;
  prefix?: string;
}

/** A curl line that replays the request; redacted credentials come back as environment variables. */
export function curlCommand(exchange: RecordedExchange, auth?: CurlAuth): string {
  const url = exchange.request.url;
  const parts = ['curl', '-i', '-X', exchange.request.method, urlArgument(url)];
  for (const [name, value] of Object.entries(exchange.request.headers)) {
    if (name.toLowerCase() === 'accept') continue;
    parts.push(
      '-H',
      value === REDACTED ? `"${name}: ${credentialVariable(name, auth)}"` : shellQuote(`${name}: ${value}`),
    );
  }
  if (exchange.request.body !== undefined) parts.push('--data-raw', shellQuote(exchange.request.body));
  return parts.join(' ');
}

/** The credential in the spec's own scheme: `Token $API_TOKEN` where the spec says Token. */
function credentialVariable(header: string, auth: CurlAuth | undefined): string {
  const lower = header.toLowerCase();
  if (lower === 'cookie' && auth?.kind === 'api-key' && auth.in === 'cookie')
    return `${auth.name ?? 'session'}=$API_KEY`;
  if (lower !== 'authorization') return '$API_KEY';
  if (auth?.kind === 'basic') return 'Basic $(printf %s "$API_USERNAME:$API_PASSWORD" | base64)';
  if (auth?.kind === 'api-key') return '$API_KEY';
  return `${auth?.prefix ?? 'Bearer'} $API_TOKEN`;
}

/** A key redacted in the query string comes back as `$API_KEY`, inside double quotes. */
function urlArgument(url: string): string {
  const marker = encodeURIComponent(REDACTED);
  if (!url.includes(marker) && !url.includes(REDACTED)) return shellQuote(url);
  const escaped = url.replace(/[\\"$`]/g, (character) => `\\${character}`);
  return `"${escaped.split(marker).join('$API_KEY').split(REDACTED).join('$API_KEY')}"`;
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
