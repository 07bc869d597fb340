import { escapeRegExp } from '../../core/plain-text.ts';

/** A request field a server named when it refused the request, and what it said about it. */
export interface RejectedField {
  /** Where the value was: the body (default) or the query string. */
  in: 'body' | 'query';
  /** Path into the body: `['author', 'email']`; `['0', 'name']` for an item of a list body. */
  path: string[];
  message: string;
}

const MAX_FIELDS = 8;

/**
 * Reads the fields a 4xx error body names. Frameworks say it in a handful of shapes:
 * `{errors: [{path|field|property|instancePath|loc}]}`, `{detail: [{loc: ['body', 'x']}]}`,
 * `{errors: {field: [...]}}`, and messages such as `body/email must match format "email"` or
 * `"email" is invalid`. Anything else names no field.
 */
export function rejectedFields(body: string): RejectedField[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return fromMessage(body);
  }
  const found = [...fromStructure(parsed), ...messagesOf(parsed).flatMap(fromMessage)];
  const unique = new Map(found.map((field) => [`${field.in}:${field.path.join('.')}`, field]));
  return [...unique.values()].slice(0, MAX_FIELDS);
}

function fromStructure(value: unknown): RejectedField[] {
  if (!isRecord(value)) return [];
  const lists = ['errors', 'detail', 'details', 'issues', 'validation', 'fieldErrors', 'violations'];
  const found: RejectedField[] = [];
  for (const key of lists) {
    const entry = value[key];
    if (Array.isArray(entry)) found.push(...entry.flatMap(fromItem));
    // Rails / Django REST: `{errors: {email: ["is invalid"]}}`.
    else if (isRecord(entry))
      found.push(...Object.entries(entry).map(([field, why]) => located(field.split('.'), messageText(why))));
  }
  if (isRecord(value['error'])) found.push(...fromStructure(value['error']));
  return found;
}

function fromItem(item: unknown): RejectedField[] {
  if (!isRecord(item)) return [];
  const message = messageText(item['message'] ?? item['msg'] ?? item['detail'] ?? '');
  if (Array.isArray(item['loc'])) return [located(item['loc'].map(String), message)];
  for (const key of ['path', 'field', 'property', 'param', 'instancePath', 'dataPath', 'propertyPath']) {
    const where = item[key];
    if (Array.isArray(where) && where.length > 0) return [located(where.map(String), message)];
    if (typeof where === 'string' && where.replace(/^[./]+/, '')) {
      // ajv: a missing property is named in params, its instancePath is the parent.
      const missing = isRecord(item['params']) ? item['params']['missingProperty'] : undefined;
      const path = splitPath(where);
      return [located(typeof missing === 'string' ? [...path, missing] : path, message)];
    }
  }
  const missing = isRecord(item['params']) ? item['params']['missingProperty'] : undefined;
  if (typeof missing === 'string') return [located([missing], message)];
  return fromMessage(message);
}

/**
 * The body fields a refusal mentions in plain words when it names none the ways above: "You
 * must specify username or email", "Could not find rootRole=0". Only the operation's own field
 * names count, as whole words of the refusal's messages.
 */
export function mentionedFields(body: string, names: string[]): RejectedField[] {
  return fieldsSaid(body, names, wholeWord);
}

/**
 * The body fields a refusal states a rule about, in plain words: "The password must be at least
 * 10 characters long", "name is too long". The field is the subject of the sentence (its name,
 * then a verb of obligation), so the value sent broke the rule; a mere mention ("Could not find
 * rootRole=0") is not one.
 */
export function statedFields(body: string, names: string[]): RejectedField[] {
  return fieldsSaid(body, names, statedRule);
}

/** The field names (of three letters or more) the refusal's words say as `said` looks for them. */
function fieldsSaid(body: string, names: string[], said: (name: string) => RegExp): RejectedField[] {
  const text = refusalText(body);
  return names
    .filter((name) => name.length >= 3 && said(name).test(text))
    .slice(0, MAX_FIELDS)
    .map((name) => ({ in: 'body' as const, path: [name], message: text.slice(0, 200) }));
}

function statedRule(name: string): RegExp {
  return new RegExp(
    `(^|[^A-Za-z0-9_])${escapeRegExp(name)}\\s+(?:must|should|needs? to|has to|cannot|can't|is (?:too|not|invalid|required))\\b`,
    'i',
  );
}

/** The messages of a refusal (its details' too); the raw text when it is not JSON. */
function refusalText(body: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body;
  }
  const texts = messagesOf(parsed);
  for (const key of ['errors', 'details', 'detail']) {
    const entry = isRecord(parsed) ? parsed[key] : undefined;
    if (Array.isArray(entry)) texts.push(...entry.flatMap((item) => messagesOf(item)));
  }
  return texts.join('\n');
}

function wholeWord(name: string): RegExp {
  return new RegExp(`(^|[^A-Za-z0-9_])${escapeRegExp(name)}($|[^A-Za-z0-9_])`);
}

/** `body/email must match format "email"`, `"email" must be a valid email`, `'email' is invalid`. */
function fromMessage(message: string): RejectedField[] {
  const found: RejectedField[] = [];
  const pointer = /\b(body|querystring|query)([./][\w.[\]/-]+)\s+must\b/.exec(message);
  if (pointer) found.push(located([pointer[1]!, ...splitPath(pointer[2]!)], message));
  const required = /must have required property '([^']+)'/.exec(message);
  if (required) found.push(located([...(pointer ? [] : ['body']), required[1]!], message));
  const quoted = /["'`]([A-Za-z_][\w.]*)["'`]\s+(?:is|must|should|has|was|field|cannot|can't|not)\b/.exec(
    message,
  );
  if (quoted && !pointer && !required) found.push(located(quoted[1]!.split('.'), message));
  return found;
}

/** Paths name their place first: `['body', 'email']`, `['query', 'limit']`, or just the field. */
function located(path: string[], message: string): RejectedField {
  const [head, ...rest] = path.filter((token) => token !== '' && token !== '#');
  if ((head === 'query' || head === 'querystring') && rest.length > 0)
    return { in: 'query', path: rest, message };
  if (head === 'body' && rest.length > 0) return { in: 'body', path: rest, message };
  return { in: 'body', path: head === undefined ? [] : [head, ...rest], message };
}

function splitPath(text: string): string[] {
  return text
    .replace(/\[(\w+)\]/g, '.$1')
    .split(/[./]/)
    .filter(Boolean);
}

function messagesOf(value: unknown): string[] {
  if (!isRecord(value)) return [];
  return ['message', 'error', 'detail', 'title'].flatMap((key) =>
    typeof value[key] === 'string' ? [value[key]] : [],
  );
}

function messageText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(messageText).join('; ');
  return '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
