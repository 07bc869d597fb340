import type { ApiModel, ApiOperation } from './api-model.ts';
import { successResponse } from './api-model.ts';
import { isFileSchema } from './json-schema.ts';
import {
  idPathOf,
  kindOf,
  listShapeOf,
  type IdentifierOptions,
  type SchemaFlattener,
} from './resource-id-path.ts';
import {
  identifierFields,
  idStem,
  nameStem,
  namesItself,
  namesKind,
  samePath,
  singular,
  staticSegments,
} from './resource-names.ts';
import { usableItemFlag, type UsableItemFlag } from './usable-list-item.ts';

/**
 * A kind of thing the API manages, found from its paths: `/disks` + `/disks/{disk_id}`,
 * `/authors/` + `/authors/{id}`, `/articles/{slug}/comments` + `/articles/{slug}/comments/{id}`.
 */
export interface ResourceKind {
  /** Unique in the graph: the noun, or the noun after its parent's for a second kind of that noun. */
  name: string;
  /**
   * The noun its paths use (`strategy`), when `name` is not it: a flag's strategies made by
   * `POST …/environments/{environment}/strategies` beside the strategy types `POST /strategies` makes.
   */
  noun?: string;
  collectionPath: string;
  itemPath: string;
  /** The path parameter naming one item: `disk_id`, `slug`, `username`. */
  idParam: string;
  create: ApiOperation | undefined;
  /** Where the new identifier is in the create response: `id`, `0.id`, `article.slug`. */
  createIdPath: string | undefined;
  /**
   * `request` when the response does not say and the identifier is what the create sent: a
   * `username` in the body, or the name of an uploaded file (`file.name`, see `RequestBodySpec`).
   */
  createIdFrom: 'response' | 'request';
  read: ApiOperation | undefined;
  /** Where the identifier is in the read response, envelope included: `id`, `article.slug`. */
  readIdPath: string | undefined;
  update: ApiOperation | undefined;
  remove: ApiOperation | undefined;
  list: ApiOperation | undefined;
  /** Where the first item's identifier is in the list response: `items.0.id`, `0.id`, `0`. */
  listIdPath: string | undefined;
  /** Where the array of items is in the list response: `items`, `` (the body itself). */
  listArrayPath: string | undefined;
  /** The items' flag telling a usable one (`enabled: true`): the first such item is taken. */
  listUsable?: UsableItemFlag;
  /** Other path parameters of the item path: a sub-resource lives inside its parent. */
  parentParams: string[];
  /**
   * A composite key (`/items/{region}/{name}`, created by `POST /items`): every path parameter
   * naming the item, the id parameter included, and where the create answers it. The id of such
   * a resource is all its create answered (`createIdPath` is ``), each part read from it.
   */
  keyPaths?: Record<string, string>;
  /**
   * How its create was found: the POST on its own collection, an OpenAPI link, or another
   * operation whose answer names it (`POST /users` answers the `username` `/profiles/{username}` reads).
   */
  createdBy: 'collection' | 'link' | 'producer';
}

/**
 * A read that follows a reference from one kind to another: `GET /authors/{id}/books` lists an
 * author's books (`many`), `GET /books/{id}/author` answers a book's author (`one`). Found from
 * the path (the item path of one kind, then a segment naming another), the answer's shape (a
 * list or one object) and the child's create, which must send a field naming the parent
 * (`authorId`), so that a test can link children to parents of its own.
 */
export interface ResourceRelation {
  read: ApiOperation;
  cardinality: 'one' | 'many';
  /** The kind that holds the reference: `book`, whose create sends `authorId`. */
  child: ResourceKind;
  /** The kind referred to: `author`. */
  parent: ResourceKind;
  /** The field of the child's create body naming the parent: `authorId`, `author_id`. */
  field: string;
  /** Where the answer's identifier is: `id` (one), `0.id` or `items.0.id` (many: the first item). */
  idPath: string;
  /** many: where the list of items is, `''` for the body itself. */
  arrayPath: string | undefined;
}

/**
 * What an API manages and how its operations link, learned from paths, schemas and OpenAPI
 * links: the one graph the automated suite, manual cases and plans all read.
 */
export class ResourceGraph {
  readonly kinds: ResourceKind[];
  readonly relations: ResourceRelation[];
  readonly #schemas: SchemaFlattener;
  /** The POSTs: collections that make their own items, or add existing ones. */
  readonly #posts: ApiOperation[];

  constructor(model: ApiModel, schemas: SchemaFlattener) {
    this.#schemas = schemas;
    this.#posts = model.operations.filter((operation) => operation.method === 'post');
    this.kinds = discoverKinds(model, schemas);
    this.relations = discoverRelations(model, schemas, this.kinds);
  }

  byName(name: string): ResourceKind | undefined {
    return this.kinds.find((kind) => kind.name === name);
  }

  /**
   * The kind an id-like field or parameter refers to: `vm_id` → vm, `authorId` → author. When
   * the kind of that noun names its items otherwise (`/strategies/{name}`: strategy types), a
   * second kind of the noun whose item path names its items by this very field wins
   * (`…/environments/{environment}/strategies/{strategyId}`: a flag's strategies), unless the
   * request being built (`building`) is the one that makes it.
   */
  kindOfField(field: string, building?: ApiOperation): ResourceKind | undefined {
    const stem = idStem(field);
    if (!stem) return undefined;
    const named = this.byName(stem);
    if (named?.idParam === field) return named;
    const second = this.kinds.find(
      (kind) =>
        kind.noun === stem && kind.idParam === field && kind.create !== building && this.isObtainable(kind),
    );
    return second ?? named;
  }

  /**
   * Whether `field` of the create `building` is the identifier of the thing it makes, chosen by
   * the client (`POST /feedback` sending the `feedbackId` its answer carries): a new value, not a
   * reference to one that exists.
   */
  isOwnNewIdentifier(field: string, building: ApiOperation): boolean {
    // The kind the field names, not any kind the create makes: `POST /segments/strategies`
    // answers the `strategyId` it was sent, a flag's strategy made elsewhere.
    const kind = this.kindOfField(field, building);
    return kind?.create === building && kind.createIdPath?.split('.').at(-1) === field;
  }

  /**
   * The kind a field named for it names, when nothing creates one and a list answers them:
   * `{"environment": "development"}` adds an existing environment, a made-up name is refused.
   */
  listedKindNamed(field: string): ResourceKind | undefined {
    const kind = this.byName(singular(field));
    return kind && namesKind(field, kind.name) && !kind.create && kind.listIdPath !== undefined
      ? kind
      : undefined;
  }

  /**
   * The kind a body field names by what its description says: `feature`, "The name of the feature
   * we depend on"; `name`, "The name of the strategy type". The field is named for the kind or is
   * its identifier, and the kind can be made or listed: a made-up name is refused where an
   * existing thing must be named. Never the kind `path` (an item or a collection) is of: its own name.
   */
  kindDescribedBy(field: string, description: string | undefined, path: string): ResourceKind | undefined {
    const phrase = DESCRIBED_KIND.exec(description ?? '')?.[1];
    if (!phrase) return undefined;
    const words = phrase.toLowerCase().split(/[\s-]+/);
    const kind = [words.slice(0, 2).join('_'), words[0]!]
      .map((noun) => this.byName(singular(noun)))
      .find((candidate) => candidate !== undefined);
    // The item or collection `path` acts on: its own name is its own, not a reference.
    const own =
      this.kinds.find((candidate) => samePath(candidate.itemPath, path)) ?? this.kindOfCollection(path);
    if (!kind || !this.isObtainable(kind) || own === kind) return undefined;
    const identifier = kind.createIdPath?.split('.').at(-1);
    return namesKind(field, kind.name) || field === kind.idParam || field === identifier ? kind : undefined;
  }

  /** The kind a collection path manages, whichever version prefix or trailing slash it has. */
  kindOfCollection(path: string): ResourceKind | undefined {
    // A second kind of a noun is found by its own path, never by the noun alone.
    const own = this.kinds.find(
      (kind) =>
        kind.noun !== undefined &&
        [kind.collectionPath, kind.list?.path].some((at) => at && samePath(at, path)),
    );
    if (own) return own;
    const last = staticSegments(path).at(-1);
    return last ? this.byName(singular(last)) : undefined;
  }

  /**
   * The kind whose item a path parameter names: the kind whose item path names it so, then by
   * its name (`disk_id`), then by the segment before it (`/articles/{slug}` → article).
   */
  kindOfPathParameter(operation: ApiOperation, parameter: string): ResourceKind | undefined {
    const segments = operation.path.split('/');
    const index = segments.indexOf(`{${parameter}}`);
    const prefix = segments.slice(0, index + 1).join('/');
    const owner = this.kinds.find((kind) => samePath(kind.itemPath, prefix) && kind.idParam === parameter);
    const collection = segments.slice(0, index).join('/');
    // `/api-tokens/{token}` beside `/api-tokens/{name}`: an item of the collection whose POST makes
    // it, whatever the parameter is called (a `token` kind elsewhere is another thing).
    const maker = owner
      ? undefined
      : this.kinds.find((kind) => kind.create && samePath(kind.create.path, collection));
    if (maker) return maker;
    const previous = index > 0 ? segments[index - 1] : undefined;
    let bySegment = previous && !previous.startsWith('{') ? this.byName(singular(previous)) : undefined;
    // `{user}` in `/orgs/{org}/members/{user}` names a user, whichever kind the path ends in.
    let byName = idStem(parameter) === undefined ? this.byName(singular(parameter)) : undefined;
    // `/invite-links/tokens/{token}` where a POST makes those tokens, and the `token` kind is
    // made elsewhere (`/user/tokens`): the same noun for another thing, not that kind.
    const post = this.#posts.find((candidate) => samePath(candidate.path, collection));
    // A POST adding an existing environment to a project (`{"environment": "development"}`,
    // answering none) makes nothing: the parameter still names the listed kind.
    const adds =
      post !== undefined &&
      bySegment !== undefined &&
      !bySegment.create &&
      bySegment.listIdPath !== undefined &&
      !answersIdentifier(this.#schemas, post, bySegment.name, { idParam: parameter, item: operation });
    const ownCreate = post !== undefined && !adds;
    if (!owner && ownCreate && bySegment && !samePath(bySegment.collectionPath, collection)) {
      if (byName === bySegment) byName = undefined;
      bySegment = undefined;
    }
    // `{featureName}` in `/events/{featureName}` names a feature by its name.
    const stem = nameStem(parameter);
    const byStem = stem === undefined ? undefined : this.byName(stem);
    const candidates = [owner, this.kindOfField(parameter), byStem, byName, bySegment].filter(
      (kind) => kind !== undefined,
    );
    // A kind the suite can obtain wins: `/pet-detail/{petId}` reads the pet a link creates.
    return candidates.find((kind) => this.isObtainable(kind)) ?? candidates[0];
  }

  /** Usable in fixtures: can be created (and removed), or at least found in a list. */
  isObtainable(kind: ResourceKind): boolean {
    return (kind.create !== undefined && kind.createIdPath !== undefined) || kind.listIdPath !== undefined;
  }

  /** Where a list operation keeps its items, and the first item's identifier. */
  listShapeOf(operation: ApiOperation): { arrayPath: string; idPath: string | undefined } | undefined {
    const kind = this.kindOfCollection(operation.path);
    return listShapeOf(this.#schemas, successResponse(operation)?.schema, identifiers(kind));
  }
}

function discoverKinds(model: ApiModel, schemas: SchemaFlattener): ResourceKind[] {
  const find = (method: string, path: string) =>
    model.operations.find((operation) => operation.method === method && samePath(operation.path, path));
  const kinds = new Map<string, ResourceKind>();
  const nouns = apiNouns(model);
  // Shallow item paths first: `/books/{id}` is the book, not `/authors/{id}/books/{book_id}`.
  const byDepth = [...model.operations].sort((a, b) => parameterCount(a.path) - parameterCount(b.path));
  for (const shallow of byDepth) {
    const shallowMatch = ITEM_PATH.exec(shallow.path);
    const last = shallowMatch ? staticSegments(shallowMatch[1]!).at(-1) : undefined;
    if (!last) continue;
    const name = singular(last);
    // `/events/{featureName}` beside `/features`: one feature's events, not an event named so.
    if (listsForAnother(schemas, find('get', shallow.path), shallowMatch![2]!, name, nouns)) continue;
    // The first item path of a noun names its kind, unless nothing creates that one and a deeper
    // collection of the same noun has a create: `/archive/features/{projectId}` lists archived
    // flags, `/projects/{projectId}/features/{featureName}` is the flag `POST …/features` makes.
    const known = kinds.get(name);
    const deeperCreate = find('post', shallowMatch![1]!);
    const item = { idParam: ITEM_PATH.exec(shallow.path)![2]!, item: shallow };
    // Two kinds sharing a noun: `/strategies/{name}` made by `POST /strategies`, and
    // `…/environments/{environment}/strategies/{strategyId}` made by the POST on its own parent
    // path, answering that id. The nested one is a kind of its own, named after its parent's noun.
    const second =
      known?.create &&
      deeperCreate &&
      deeperCreate !== known.create &&
      answersIdentifier(schemas, deeperCreate, name, item)
        ? secondKindName(shallowMatch![1]!, name, kinds)
        : undefined;
    if (known && !second && (known.create || !deeperCreate)) continue;
    // `/environments/{name}` listed, nothing creating one, and `POST /projects/{id}/environments`
    // sending an environment's name and answering none: that POST adds an existing environment to
    // a project, it makes none. The kind stays the listed one, read from its list.
    if (known?.listIdPath !== undefined && !answersIdentifier(schemas, deeperCreate!, name, item)) continue;
    // `/items/{region}` may be a partial key whose own GET lists a region's items: the kind is
    // then the composite `/items/{region}/{name}`, when one exists.
    const operation = compositeItemBeyond(model, schemas, shallow.path, name) ?? shallow;
    const [, collectionPath, idParam] = ITEM_PATH.exec(operation.path) as unknown as [string, string, string];
    const composite = compositeKey(model, schemas, { name, collectionPath, itemPath: operation.path });
    const create = composite?.create ?? find('post', collectionPath);
    const list = find('get', collectionPath);
    const read = find('get', operation.path);
    const options = identifiers({ name, idParam }, operation);
    const listShape = list ? listShapeOf(schemas, successResponse(list)?.schema, options) : undefined;
    const answered = composite
      ? ''
      : create
        ? idPathOf(schemas, successResponse(create)?.schema, options)
        : undefined;
    const sent = create && answered === undefined ? sentIdPath(schemas, create, options.fields) : undefined;
    const usable = listShape
      ? usableItemFlag(schemas, successResponse(list!)?.schema, listShape.arrayPath)
      : undefined;
    kinds.set(second ?? name, {
      name: second ?? name,
      ...(second ? { noun: name } : {}),
      collectionPath: create?.path ?? list?.path ?? collectionPath,
      itemPath: operation.path,
      idParam,
      create,
      createIdPath: answered ?? sent,
      createIdFrom: sent === undefined ? 'response' : 'request',
      read,
      readIdPath: read ? idPathOf(schemas, successResponse(read)?.schema, options) : undefined,
      update: find('put', operation.path) ?? find('patch', operation.path),
      remove: find('delete', operation.path),
      list,
      listIdPath: listShape?.idPath,
      listArrayPath: listShape?.arrayPath,
      ...(usable ? { listUsable: usable } : {}),
      parentParams: [...operation.path.matchAll(/\{([^}]+)\}/g)]
        .map((found) => found[1]!)
        .filter((param) => param !== idParam && !composite?.keyPaths[param]),
      createdBy: 'collection',
      ...(composite ? { keyPaths: composite.keyPaths } : {}),
    });
  }
  for (const kind of linkedKinds(model, schemas, kinds)) kinds.set(kind.name, kind);
  for (const kind of producedKinds(model, schemas, kinds)) kinds.set(kind.name, kind);
  return [...kinds.values()];
}

const ITEM_PATH = /^(.*)\/\{([^}]+)\}\/?$/;

/** The nouns of every path's static segments: the things the API has collections or actions of. */
function apiNouns(model: ApiModel): Set<string> {
  return new Set(model.operations.flatMap((operation) => staticSegments(operation.path).map(singular)));
}

/**
 * Whether `read` (`GET /events/{featureName}`) lists the items of `noun` that belong to another
 * thing the API has a collection of: its parameter is named for that thing (`{featureName}`,
 * `{projectId}` where `/features`, `/projects` exist) and it answers a list of `noun` (`{"events":
 * […]}`). Such a path is no event's item, and an event's identifier would never fill it. One object
 * named so (`/profiles/{username}`) stays an item: a user's profile.
 */
function listsForAnother(
  schemas: SchemaFlattener,
  read: ApiOperation | undefined,
  parameter: string,
  noun: string,
  nouns: Set<string>,
): boolean {
  const stem = nameStem(parameter);
  if (stem === undefined || stem === noun || !nouns.has(stem)) return false;
  const flat = schemas.flatten(read ? successResponse(read)?.schema : undefined);
  if (kindOf(flat) === 'array') return true;
  return Object.entries(flat.properties ?? {}).some(
    ([field, property]) => singular(field) === noun && kindOf(schemas.flatten(property)) === 'array',
  );
}

/** "The name of the strategy type", "the id of a user": the words after it may name a kind. */
const DESCRIBED_KIND = /\b(?:name|id|identifier|key)\s+of\s+(?:the|an?)\s+([a-z][a-z -]*)/i;

/**
 * The name of a second kind of `noun` whose collection is `collectionPath`: the noun after the
 * static segment before it (`environment_strategy`), undefined when that is taken or absent.
 */
function secondKindName(
  collectionPath: string,
  noun: string,
  kinds: Map<string, ResourceKind>,
): string | undefined {
  const parent = staticSegments(collectionPath).at(-2);
  const name = parent ? `${singular(parent)}_${noun}` : undefined;
  return name && !kinds.has(name) ? name : undefined;
}

/** Whether a create's answer carries the identifier `idParam` of `item` names. */
function answersIdentifier(
  schemas: SchemaFlattener,
  create: ApiOperation,
  name: string,
  { idParam, item }: { idParam: string; item: ApiOperation },
): boolean {
  return (
    idPathOf(schemas, successResponse(create)?.schema, identifiers({ name, idParam }, item)) !== undefined
  );
}

/** A deeper item path that only adds key parameters to `path` and forms a composite key. */
function compositeItemBeyond(
  model: ApiModel,
  schemas: SchemaFlattener,
  path: string,
  name: string,
): ApiOperation | undefined {
  const base = path.replace(/\/+$/, '');
  return model.operations.find((candidate) => {
    const rest = candidate.path.replace(/\/+$/, '');
    if (!rest.startsWith(`${base}/`) || !/^(\/\{[^}/]+\})+$/.test(rest.slice(base.length))) return false;
    const collectionPath = ITEM_PATH.exec(rest)![1]!;
    return compositeKey(model, schemas, { name, collectionPath, itemPath: candidate.path }) !== undefined;
  });
}

/**
 * `/items/{region}/{name}` with no create of its own under `/items/{region}`: the POST on the
 * collection before the key (`/items`) makes it when its answer carries every part of the key.
 */
function compositeKey(
  model: ApiModel,
  schemas: SchemaFlattener,
  kind: { name: string; collectionPath: string; itemPath: string },
): { create: ApiOperation; keyPaths: Record<string, string> } | undefined {
  const segments = kind.itemPath.replace(/\/+$/, '').split('/');
  const lastStatic = segments.findLastIndex((segment) => segment !== '' && !segment.startsWith('{'));
  const keyParams = segments.slice(lastStatic + 1).map((segment) => /^\{(.+)\}$/.exec(segment)?.[1]);
  if (keyParams.length < 2 || keyParams.some((param) => param === undefined)) return undefined;
  const collection = segments.slice(0, lastStatic + 1).join('/');
  const create = model.operations.find(
    (operation) => operation.method === 'post' && samePath(operation.path, collection),
  );
  if (
    !create ||
    model.operations.some(
      (operation) => operation.method === 'post' && samePath(operation.path, kind.collectionPath),
    )
  )
    return undefined;
  const answer = successResponse(create)?.schema;
  const keyPaths: Record<string, string> = {};
  for (const param of keyParams as string[]) {
    const path = idPathOf(schemas, answer, identifiers({ name: kind.name, idParam: param }));
    if (path === undefined) return undefined;
    keyPaths[param] = path;
  }
  return { create, keyPaths };
}

/**
 * Create → read pairs declared with OpenAPI links (`$response.body#/id` feeding `{petId}`),
 * for APIs whose paths do not follow the `/things` + `/things/{id}` convention.
 */
function linkedKinds(
  model: ApiModel,
  schemas: SchemaFlattener,
  known: Map<string, ResourceKind>,
): ResourceKind[] {
  const byOperationId = new Map(
    model.operations
      .filter((operation) => operation.operationId)
      .map((operation) => [operation.operationId!, operation]),
  );
  const found: ResourceKind[] = [];
  for (const create of model.operations.filter((operation) => operation.method === 'post')) {
    for (const link of successResponse(create)?.links ?? []) {
      const read = byOperationId.get(link.operationId);
      const entry = Object.entries(link.parameters).find(([, expression]) =>
        expression.startsWith('$response.body#/'),
      );
      if (!read || read.method !== 'get' || !entry) continue;
      const [idParam, expression] = entry;
      const name = idStem(idParam) ?? singular(staticSegments(read.path).at(-1) ?? idParam);
      if (known.has(name) || found.some((kind) => kind.name === name)) continue;
      const sibling = (method: string) =>
        model.operations.find((operation) => operation.path === read.path && operation.method === method);
      found.push({
        name,
        collectionPath: create.path,
        itemPath: read.path,
        idParam,
        create,
        createIdPath: expression.slice('$response.body#/'.length).split('/').join('.'),
        createIdFrom: 'response',
        read,
        readIdPath: idPathOf(schemas, successResponse(read)?.schema, identifiers({ name, idParam })),
        update: sibling('put') ?? sibling('patch'),
        remove: sibling('delete'),
        list: undefined,
        listIdPath: undefined,
        listArrayPath: undefined,
        parentParams: [],
        createdBy: 'link',
      });
    }
  }
  return found;
}

/**
 * Kinds nothing creates on their own path, whose identifier another create answers: a
 * `/profiles/{username}` is obtained by `POST /users`, whose answer carries `user.username`.
 * Only a field that names the producer's own thing counts (`username`, `slug`, `user_id` from
 * `/users`), never a reference to a third one (`project_id` in a VM).
 */
function producedKinds(
  model: ApiModel,
  schemas: SchemaFlattener,
  known: Map<string, ResourceKind>,
): ResourceKind[] {
  const producers = model.operations.filter(
    (operation) => operation.method === 'post' && !operation.path.includes('{'),
  );
  const found = new Map<string, ResourceKind>();
  const nouns = apiNouns(model);
  for (const operation of model.operations) {
    for (const [, idParam] of operation.path.matchAll(/\{([^}]+)\}/g)) {
      const segments = operation.path.split('/');
      const index = segments.indexOf(`{${idParam!}}`);
      const previous = segments[index - 1];
      if (index !== segments.length - 1 && index !== segments.length - 2) continue;
      if (!previous || previous.startsWith('{')) continue;
      const name = singular(previous);
      // `/archive/features/{projectId}`: the parameter names a project, not a feature.
      const named = idStem(idParam!);
      if (named !== undefined && named !== name) continue;
      const itemRead = model.operations.find(
        (candidate) =>
          candidate.method === 'get' && samePath(candidate.path, segments.slice(0, index + 1).join('/')),
      );
      if (listsForAnother(schemas, itemRead, idParam!, name, nouns)) continue;
      const existing = known.get(name);
      if (found.has(name) || (existing?.create && existing.createIdPath) || existing?.listIdPath) continue;
      const produced = producerOf(schemas, producers, idParam!, operation);
      if (!produced) continue;
      const itemPath = segments.slice(0, index + 1).join('/');
      const sibling = (method: string) =>
        model.operations.find(
          (candidate) => candidate.method === method && samePath(candidate.path, itemPath),
        );
      found.set(name, {
        name,
        collectionPath: produced.create.path,
        itemPath,
        idParam: idParam!,
        create: produced.create,
        createIdPath: produced.path,
        createIdFrom: 'response',
        read: existing?.read ?? sibling('get'),
        readIdPath: existing?.readIdPath,
        update: undefined,
        // What the producer made is removed where it lives, not through this kind's path.
        remove: undefined,
        list: undefined,
        listIdPath: undefined,
        listArrayPath: undefined,
        parentParams: segments.slice(0, index).flatMap((segment) => /^\{(.+)\}$/.exec(segment)?.[1] ?? []),
        createdBy: 'producer',
      });
    }
  }
  return [...found.values()];
}

function producerOf(
  schemas: SchemaFlattener,
  producers: ApiOperation[],
  idParam: string,
  consumer: ApiOperation,
): { create: ApiOperation; path: string } | undefined {
  for (const create of producers) {
    if (create === consumer) continue;
    const producerName = singular(staticSegments(create.path).at(-1) ?? '');
    const stem = idStem(idParam);
    // `user_id` or `username` name a user; `slug` alone could be anything's.
    if (stem !== undefined ? stem !== producerName : !idParam.toLowerCase().startsWith(producerName))
      continue;
    const path = idPathOf(schemas, successResponse(create)?.schema, {
      // A secret is the value of the credential its own paths name (`/tokens/{token}`), never
      // proof that another noun's `{token}` (`/invite/{token}`) is one this create made.
      fields: identifierFields(idParam, producerName).filter(
        (field) => (field !== 'id' || stem === producerName) && field !== 'secret',
      ),
      wrappers: [producerName],
    });
    if (path !== undefined) return { create, path };
  }
  return undefined;
}

/**
 * Reads on `<item path of a kind>/<segment naming another kind>`. Only top-level kinds a test can
 * create (a sub-resource's own collection, `/articles/{slug}/comments`, is its kind's list, not a
 * relation), and only when the child's create body has a field naming the parent.
 */
function discoverRelations(
  model: ApiModel,
  schemas: SchemaFlattener,
  kinds: ResourceKind[],
): ResourceRelation[] {
  const topLevel = (kind: ResourceKind | undefined) =>
    kind && kind.parentParams.length === 0 && kind.createdBy === 'collection' ? kind : undefined;
  const relations: ResourceRelation[] = [];
  for (const read of model.operations.filter((operation) => operation.method === 'get')) {
    const match = /^(.*\})\/([^/{}]+)\/?$/.exec(read.path);
    if (!match) continue;
    const [, base, segment] = match as unknown as [string, string, string];
    const from = topLevel(kinds.find((kind) => samePath(kind.itemPath, base)));
    const to = topLevel(
      kinds.find(
        (kind) => kind.name === singular(segment) || staticSegments(kind.collectionPath).at(-1) === segment,
      ),
    );
    if (!from || !to || from === to) continue;
    const schema = successResponse(read)?.schema;
    const list = listShapeOf(schemas, schema, identifiers(to));
    if (list?.idPath !== undefined) {
      const field = referenceField(schemas, to, from);
      if (field)
        relations.push({
          read,
          cardinality: 'many',
          child: to,
          parent: from,
          field,
          idPath: list.idPath,
          arrayPath: list.arrayPath,
        });
      continue;
    }
    const idPath = list ? undefined : idPathOf(schemas, schema, identifiers(to));
    const field = idPath === undefined ? undefined : referenceField(schemas, from, to);
    if (idPath !== undefined && field)
      relations.push({
        read,
        cardinality: 'one',
        child: from,
        parent: to,
        field,
        idPath,
        arrayPath: undefined,
      });
  }
  return relations;
}

/** The top-level field of the child's JSON create body that names the parent: `authorId` → author. */
function referenceField(
  schemas: SchemaFlattener,
  child: ResourceKind,
  parent: ResourceKind,
): string | undefined {
  const body = child.create?.requestBody;
  if (!body || !/json/i.test(body.contentType) || !child.createIdPath) return undefined;
  const properties = schemas.flatten(body.schema).properties ?? {};
  return Object.keys(properties).find((name) => {
    const flat = schemas.flatten(properties[name]);
    return (
      idStem(name) === parent.name && !flat.readOnly && ['integer', 'string', 'number'].includes(kindOf(flat))
    );
  });
}

const FILE_NAME = /^(file_?name|name|key|path|object_?name|blob_?name)$/i;

/**
 * The identifier a create sends rather than answers: a body field named like the path parameter
 * (`{username}` ← `username`), or, for `{filename}`, the name of the file part of an upload.
 */
function sentIdPath(schemas: SchemaFlattener, create: ApiOperation, fields: string[]): string | undefined {
  const body = create.requestBody;
  if (!body) return undefined;
  const properties = schemas.flatten(body.schema).properties ?? {};
  const field = fields.find((name) => name in properties && !isFileSchema(schemas.flatten(properties[name])));
  if (field && /json/i.test(body.contentType)) return field;
  if (!/^multipart\/form-data/i.test(body.contentType) || !fields.some((name) => FILE_NAME.test(name)))
    return undefined;
  const file = Object.keys(properties).find((name) => isFileSchema(schemas.flatten(properties[name])));
  return file === undefined ? undefined : `${file}.name`;
}

function parameterCount(path: string): number {
  return path.split('{').length - 1;
}

/**
 * The fields and envelopes an identifier of this kind may be found under. A parameter named for
 * its kind (`{org}`, `{contextField}`) is its `id` (or `name`) only when their types agree:
 * GitHub's string `{org}` is a login, not the integer `id` beside it.
 */
function identifiers(
  kind: Pick<ResourceKind, 'name' | 'idParam' | 'noun'> | undefined,
  item?: ApiOperation,
): IdentifierOptions {
  if (!kind) return { fields: ['id'], wrappers: [] };
  const noun = kind.noun ?? kind.name;
  const options = {
    fields: identifierFields(kind.idParam, noun),
    wrappers: [noun, `${noun}s`],
  };
  if (!namesKind(kind.idParam, noun) && !namesItself(kind.idParam, noun)) return options;
  const parameter = item?.parameters.find(
    (candidate) => candidate.in === 'path' && candidate.name === kind.idParam,
  );
  return { ...options, type: kindOf(parameter?.schema ?? {}) };
}
