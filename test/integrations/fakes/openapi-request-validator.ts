// Validates each request a fake vendor server receives against an OpenAPI 3.0 description:
// the operation must exist, path and query parameters must be declared and match their schemas,
// and the JSON body must match the request body's schema. A request our client builds wrong
// fails the test here, before the fake answers it.
import { Ajv, type ValidateFunction } from 'ajv';
import { createRequire } from 'node:module';

type Json = Record<string, unknown>;

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Json;
  'x-multi-segment'?: boolean;
}

interface Route {
  template: string;
  pattern: RegExp;
  names: string[];
  literals: number;
  item: Json;
}

export interface RequestCheck {
  /** `METHOD template` of the operation matched, e.g. `POST /repos/{owner}/{repo}/git/trees`. */
  operation: string | undefined;
  problems: string[];
}

// ajv-formats is CommonJS with a default export; under NodeNext the ESM import arrives wrapped.
const addFormats = createRequire(import.meta.url)('ajv-formats') as (ajv: Ajv) => Ajv;

export class OpenApiRequestValidator {
  private readonly ajv: Ajv;
  private readonly routes: Route[];
  private readonly compiled = new Map<string, ValidateFunction>();

  /** `prefix` is the part of the URL path before the description's paths (`/api/v3`, `/api/v4`). */
  constructor(
    private readonly document: Json,
    private readonly prefix: string,
  ) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    // GitHub's own format for `owner/name`.
    this.ajv.addFormat('repo.nwo', /^[\w.-]+\/[\w.-]+$/);
    this.ajv.addSchema(document, 'api');
    this.routes = Object.entries(document['paths'] as Record<string, Json>)
      .map(([template, item]) => this.route(template, item))
      .sort((a, b) => b.literals - a.literals);
  }

  check(method: string, rawPath: string, query: URLSearchParams, body: unknown): RequestCheck {
    if (!rawPath.startsWith(this.prefix))
      return { operation: undefined, problems: [`${rawPath} is outside ${this.prefix}`] };
    const path = rawPath.slice(this.prefix.length);
    const found = this.match(path, method.toLowerCase());
    if (!found)
      return { operation: undefined, problems: [`no operation ${method} ${path} in the description`] };
    const { route, values, operation } = found;
    const where = `${method} ${route.template}`;
    const problems: string[] = [];
    const parameters = [
      ...((route.item['parameters'] as Json[]) ?? []),
      ...((operation['parameters'] as Json[]) ?? []),
    ].map((parameter) => this.resolve(parameter).value as unknown as Parameter);
    for (const parameter of parameters.filter((item) => item.in === 'path'))
      problems.push(
        ...this.checkValue(
          `path parameter ${parameter.name}`,
          parameter,
          decodeURIComponent(values[parameter.name] ?? ''),
        ),
      );
    const declared = new Map(
      parameters.filter((item) => item.in === 'query').map((item) => [item.name, item]),
    );
    for (const [name, value] of query) {
      const parameter = declared.get(name);
      if (!parameter) problems.push(`query parameter ${name} is not declared`);
      else problems.push(...this.checkValue(`query parameter ${name}`, parameter, value));
    }
    for (const parameter of declared.values())
      if (parameter.required && !query.has(parameter.name))
        problems.push(`query parameter ${parameter.name} is required`);
    problems.push(...this.checkBody(operation, found.pointer, body));
    return { operation: where, problems: problems.map((problem) => `${where}: ${problem}`) };
  }

  private route(template: string, item: Json): Route {
    const names: string[] = [];
    const operations = Object.values(item).filter((value) => value && typeof value === 'object') as Json[];
    const multiSegment = new Set(
      [
        ...((item['parameters'] as Json[]) ?? []),
        ...operations.flatMap((operation) => (operation['parameters'] as Json[]) ?? []),
      ]
        .map((parameter) => this.resolve(parameter).value as unknown as Parameter)
        .filter((parameter) => parameter && parameter['x-multi-segment'])
        .map((parameter) => parameter.name),
    );
    let literals = 0;
    const source = template
      .split('/')
      .map((segment) =>
        segment.replace(/\{([^}]+)\}|[^{]+/g, (part, name: string | undefined) => {
          if (name === undefined) {
            literals += 1;
            return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          }
          names.push(name);
          return multiSegment.has(name) ? '(.+)' : '([^/]+)';
        }),
      )
      .join('/');
    return { template, pattern: new RegExp(`^${source}$`), names, literals, item };
  }

  private match(path: string, method: string) {
    for (const route of this.routes) {
      const match = route.pattern.exec(path);
      const operation = route.item[method] as Json | undefined;
      if (!match || !operation) continue;
      const values = Object.fromEntries(route.names.map((name, index) => [name, match[index + 1]!]));
      const pointer = `/paths/${route.template.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}`;
      return { route, values, operation, pointer };
    }
    return undefined;
  }

  private checkValue(label: string, parameter: Parameter, raw: string): string[] {
    const schema = parameter.schema ?? {};
    const type = (this.resolve(schema).value as Json)['type'];
    const value =
      type === 'integer' || type === 'number'
        ? raw.trim() === ''
          ? raw
          : Number(raw)
        : type === 'boolean'
          ? raw === 'true'
            ? true
            : raw === 'false'
              ? false
              : raw
          : raw;
    const validate = this.ajv.compile(schema);
    return validate(value) ? [] : [`${label} ${JSON.stringify(raw)} ${this.ajv.errorsText(validate.errors)}`];
  }

  private checkBody(operation: Json, pointer: string, body: unknown): string[] {
    const declared = operation['requestBody'] as Json | undefined;
    if (!declared) return body === undefined ? [] : ['a body was sent to an operation that takes none'];
    const { value: requestBody, pointer: bodyPointer } = this.resolve(declared, `${pointer}/requestBody`);
    if (body === undefined) return requestBody['required'] ? ['the request body is required'] : [];
    const content = requestBody['content'] as Record<string, Json> | undefined;
    if (!content?.['application/json']) return ['the operation takes no JSON body'];
    const schemaPointer = `${bodyPointer}/content/application~1json/schema`;
    let validate = this.compiled.get(schemaPointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `api#${schemaPointer}` });
      this.compiled.set(schemaPointer, validate);
    }
    return validate(body) ? [] : [`body ${this.ajv.errorsText(validate.errors, { dataVar: 'body' })}`];
  }

  /** A local `$ref` followed to its target, with the JSON pointer of where it landed. */
  private resolve(value: Json, pointer = ''): { value: Json; pointer: string } {
    const ref = value?.['$ref'];
    if (typeof ref !== 'string' || !ref.startsWith('#/')) return { value, pointer };
    let target: unknown = this.document;
    for (const part of ref.slice(2).split('/'))
      target = (target as Json)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    return this.resolve(target as Json, ref.slice(1));
  }
}
