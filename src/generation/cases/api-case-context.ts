import type { ApiModel, ApiOperation, ApiResponse } from '../../core/api-model.ts';
import { successResponse } from '../../core/api-model.ts';
import type { ManualStep } from '../../core/manual-case.ts';
import { ApiResources, type ApiResource } from './api-resources.ts';
import { SampleValues } from './api-sample-values.ts';
import { requestLine, type RequestParts } from './api-requests.ts';
import type { CaseDraft, CaseDesignOptions } from './case-set.ts';
import { arrange } from './manual-steps.ts';
import { SchemaView } from './schema-view.ts';
import { isWebUrl, placeUrl } from './source-links.ts';

/** Everything API case families share: the model read as a tester would, and draft plumbing. */
export class ApiCaseContext {
  readonly view: SchemaView;
  readonly resources: ApiResources;

  constructor(
    readonly model: ApiModel,
    readonly specSource: string,
    readonly options: CaseDesignOptions,
  ) {
    this.view = new SchemaView(model);
    this.resources = new ApiResources(model);
  }

  samplesFor(operation: ApiOperation): SampleValues {
    return new SampleValues(
      this.view,
      this.resources.resourceOf(operation).label,
      (field) => this.resources.byField(field)?.label,
    );
  }

  /** The request that succeeds: ids of existing items in the path, required query, minimal body. */
  validRequest(operation: ApiOperation, samples: SampleValues): RequestParts {
    const path = Object.fromEntries(
      operation.parameters
        .filter((parameter) => parameter.in === 'path')
        .map((parameter) => [
          parameter.name,
          samples.variable(parameter.name, this.labelOfParam(operation, parameter.name)),
        ]),
    );
    const query = Object.fromEntries(
      operation.parameters
        .filter((parameter) => parameter.in === 'query' && parameter.required)
        .map((parameter) => [
          parameter.name,
          samples.value(this.view.resolve(parameter.schema), parameter.name, 1),
        ]),
    );
    const body = operation.requestBody ? samples.body(operation.requestBody.schema) : undefined;
    return { path, query, body };
  }

  /** Arrange steps that produce the ids a request's path needs, each saying how. */
  obtainSteps(operation: ApiOperation, samples: SampleValues): ManualStep[] {
    return operation.parameters
      .filter((parameter) => parameter.in === 'path')
      .map((parameter) => {
        const variable = samples.variable(parameter.name, this.labelOfParam(operation, parameter.name));
        const owner = this.resources.byField(parameter.name) ?? this.resources.resourceOf(operation);
        return arrange(
          this.obtainAction(owner, variable),
          `${variable} holds the id of an existing ${owner.label}`,
        );
      });
  }

  obtainAction(resource: ApiResource, variable: string): string {
    const create = this.resources.first(resource, 'create');
    if (create)
      return `Create a ${resource.label} with ${create.key} (as in its success case) and note the returned id as ${variable}`;
    const list = this.resources.first(resource, 'list');
    if (list) return `Send ${list.key} and note the id of the first ${resource.label} as ${variable}`;
    return `Find the id of an existing ${resource.label} and note it as ${variable}`;
  }

  request(operation: ApiOperation, parts: RequestParts): string {
    return requestLine(operation, parts);
  }

  /** Feature, story, links, trace and preconditions of a case about one operation and status. */
  base(
    operation: ApiOperation,
    samples: SampleValues,
    status: number | undefined,
  ): Pick<CaseDraft, 'feature' | 'story' | 'suite' | 'links' | 'trace' | 'preconditions' | 'tags'> {
    const variables = [...samples.variables].map(([name, meaning]) => `${name}: ${meaning}`);
    return {
      feature: operation.tag,
      story: operation.summary ?? operation.key,
      suite: 'API',
      links: [this.link(operation)],
      trace: [{ kind: 'operation', operation: operation.key, status }],
      preconditions: [...this.environment(operation), ...variables],
      tags: [operation.tag],
    };
  }

  /** The spec where it is on the web; else the operation on the API's own server; else the local spec. */
  private link(operation: ApiOperation): { url: string; name: string } {
    const server = this.model.servers.find(isWebUrl);
    if (isWebUrl(this.specSource) || this.options.sourceUrl || !server)
      return {
        url: placeUrl(this.specSource, this.specSource, operation.pointer, this.options.sourceUrl),
        name: `OpenAPI: ${operation.key}`,
      };
    return { url: `${server.replace(/\/+$/, '')}${operation.path}`, name: `Endpoint: ${operation.key}` };
  }

  success(operation: ApiOperation): ApiResponse | undefined {
    return successResponse(operation);
  }

  /** A 4xx status the spec documents for bad input: 422 where FastAPI-style, else 400. */
  validationStatus(operation: ApiOperation): number | undefined {
    const statuses = operation.responses.map((response) => response.status);
    return [422, 400].find((status) => statuses.includes(status));
  }

  private environment(operation: ApiOperation): string[] {
    const server = this.model.servers[0];
    const auth = operation.security[0];
    return [
      ...(server ? [`Base URL: ${server}`] : []),
      ...(auth ? [`API_TOKEN: a valid ${describeAuth(auth.kind)} (security scheme ${auth.scheme})`] : []),
    ];
  }

  private labelOfParam(operation: ApiOperation, name: string): string {
    return (this.resources.byField(name) ?? this.resources.resourceOf(operation)).label;
  }
}

function describeAuth(kind: string): string {
  const words: Record<string, string> = {
    bearer: 'Bearer token',
    basic: 'user name and password',
    'api-key': 'API key',
  };
  return words[kind] ?? `${kind} credential`;
}
