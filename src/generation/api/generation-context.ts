import type { ApiModel } from '../../core/api-model.ts';
import type { RequestBuilder } from './request-builder.ts';
import type { ResourceGraph } from '../../core/resource-graph.ts';
import type { SchemaContext } from './schema-context.ts';

/** What every case family reads: the model, its schemas, its resources, the request builder. */
export interface GenerationContext {
  model: ApiModel;
  schemas: SchemaContext;
  graph: ResourceGraph;
  requests: RequestBuilder;
}
