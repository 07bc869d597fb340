// Names of the things an API manages, read from its paths and fields: shared by the automated
// suite (generation/api) and the manual cases (generation/cases), so both link the same things.
import { escapeRegExp } from './plain-text.ts';

/** English plural to singular, good enough for resource names in paths. */
export function singular(word: string): string {
  const lower = word.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  if (/ies$/.test(lower)) return lower.slice(0, -3) + 'y';
  if (/(sses|shes|ches|xes|zes)$/.test(lower)) return lower.slice(0, -2);
  if (/(ss|us)$/.test(lower)) return lower;
  if (/s$/.test(lower) && lower.length > 2) return lower.slice(0, -1);
  return lower;
}

/** The kind an id-like field names: `vm_id` → vm, `authorId` → author. */
export function idStem(field: string): string | undefined {
  const match = /^(.+?)_?(?:id|Id|ID)$/.exec(field);
  if (!match?.[1]) return undefined;
  return singular(match[1].replace(/_$/, '').toLowerCase());
}

/**
 * The kind a parameter names by its identifier or its name: `vm_id` → vm, `featureName` → feature,
 * `project_key` → project. Undefined for a bare `name`, `slug` or `id`.
 */
export function nameStem(parameter: string): string | undefined {
  const named = /^([a-z][a-z0-9]*?)[_-]?(?:name|slug|key|code|handle)$/i.exec(parameter)?.[1];
  return idStem(parameter) ?? (named ? singular(named) : undefined);
}

/** Path segments that name things: no parameters, no versions (`v1`, `v1.1`), no empty ones. */
export function staticSegments(path: string): string[] {
  return path
    .split('/')
    .filter((segment) => segment && !segment.startsWith('{') && !/^v\d+(\.\d+)*$/i.test(segment));
}

/** `/authors/` and `/authors` are one collection: servers differ only in the trailing slash. */
export function samePath(left: string, right: string): boolean {
  return left.replace(/\/+$/, '') === right.replace(/\/+$/, '');
}

/**
 * The response fields that may carry the value a path parameter names, most likely first:
 * `slug` → `slug`; `article_id` → `article_id`, `articleId`, `id`; `id` → `id`, `uuid`.
 */
export function identifierFields(parameter: string, kindName: string): string[] {
  const camel = parameter.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
  const snake = parameter.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  const stem = idStem(parameter);
  // `{slug}` or `{username}` is that field or nothing: an `id` beside it is another value. A
  // parameter named for its kind (`{org}` of `/orgs`) may be its `id`: callers check its type.
  const fallbacks =
    parameter === 'id' || stem === kindName || namesKind(parameter, kindName) ? ['id', 'uuid', '_id'] : [];
  // `{contextField}` of `/context`, answered `{ name, description }`: the thing itself, by its
  // `id` when it has one, else by the `name` it was made with.
  const itself = namesItself(parameter, kindName) ? ['id', 'uuid', '_id', 'name'] : [];
  // `{featureName}` of a feature, `{project_key}` of a project: the kind's own `name`, `key`.
  const kind = escapeRegExp(kindName);
  const own = new RegExp(`^${kind}[_-]?(name|slug|key|code|handle)$`, 'i').exec(parameter)?.[1];
  return [
    ...new Set([
      ...[parameter, camel, snake, ...fallbacks, ...itself, ...(own ? [own.toLowerCase()] : [])],
      ...(namesCredential(parameter, kindName) ? ['secret'] : []),
      ...kindPrefixed(parameter, kindName),
    ]),
  ];
}

/**
 * Last: a bare `{name}` or `{id}` answered under the kind's word, `{name}` of `/api-tokens` as
 * `tokenName` (or `apiTokenName`), `{id}` of `/feedback` as `feedbackId`.
 */
function kindPrefixed(parameter: string, kindName: string): string[] {
  if (!/^(id|name|slug|key|code)$/.test(parameter)) return [];
  const words = kindName.split('_').filter(Boolean);
  const camel = (parts: string[]) =>
    parts.map((word, index) => (index === 0 ? word : word[0]!.toUpperCase() + word.slice(1))).join('');
  return [words, words.slice(-1)].flatMap((parts) => [
    camel([...parts, parameter]),
    [...parts, parameter].join('_'),
  ]);
}

/**
 * `{token}` of `/tokens` or `/api-tokens`, `{key}` of `/keys`: a credential named by its value.
 * Its create answers that value as the `secret` (an invite link's token, an API token), when it
 * answers no identifier by the parameter's own name.
 */
function namesCredential(parameter: string, kindName: string): boolean {
  return /^(token|key)$/i.test(parameter) && kindName.split('_').at(-1) === parameter.toLowerCase();
}

/** `{org}` of `/orgs`, `{user}` of `/users`: the parameter is the kind's own name, no `_id`. */
export function namesKind(parameter: string, kindName: string): boolean {
  return idStem(parameter) === undefined && singular(parameter) === kindName;
}

/**
 * `{contextField}` of `/context`: the kind's noun and one word more that names no identifier (an
 * `id`, `name`, `slug`, `key`, `code`, `handle` would say which field it is) and no class of it
 * (`{tagType}` of `/tags` is a type of tag, not a tag). Not a role such as `{child}`: the path's
 * own thing, called by what it is.
 */
export function namesItself(parameter: string, kindName: string): boolean {
  const words = parameter
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[_-]+/);
  return (
    words.length === 2 &&
    singular(words[0]!) === kindName &&
    !/^(id|uuid|name|slug|key|code|handle|type|kind|version)$/.test(words[1]!)
  );
}
