/** One Server-Sent Event as the service writes it: `id`, `event` and JSON `data`. */
export interface StreamEvent {
  id: number | undefined;
  event: string;
  data: unknown;
}

/**
 * An incremental text/event-stream parser: feed it chunks as they arrive, get whole events back.
 * (EventSource cannot send an Authorization header, so the stream is read with fetch.)
 */
export function createSseParser(): (chunk: string) => StreamEvent[] {
  let buffer = '';
  return (chunk) => {
    buffer += chunk.replace(/\r\n/g, '\n');
    const events: StreamEvent[] = [];
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = parseBlock(block);
      if (event) events.push(event);
    }
    return events;
  };
}

function parseBlock(block: string): StreamEvent | undefined {
  let id: number | undefined;
  let name = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id' && /^\d+$/.test(value)) id = Number(value);
    else if (field === 'event') name = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0) return undefined;
  const text = data.join('\n');
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Plain text data (an OpenAI-style "[DONE]") stays a string.
  }
  return { id, event: name, data: parsed };
}
