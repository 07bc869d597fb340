import type { ComputeApiFaultName } from './faults.ts';
import type { HttpMethod } from './openapi-document.ts';
import type { ValidRequest } from './request-validator.ts';
import type { ComputeStore } from './store.ts';

export interface RouteContext {
  store: ComputeStore;
  /** The seeded fault of this server instance, or null for the correct behaviour. */
  fault: ComputeApiFaultName | null;
  request: ValidRequest;
}

export interface HandlerResult {
  status: number;
  /** Serialised as JSON; omitted for 204. */
  body?: unknown;
  /** Overrides the JSON content type (only seeded faults do). */
  contentType?: string;
}

export type RouteHandler = (context: RouteContext) => HandlerResult;

/** One operation of the spec: its method and path template exactly as written in openapi.yaml. */
export interface RouteDefinition {
  method: HttpMethod;
  path: string;
  handler: RouteHandler;
}

export function json(status: number, body: unknown): HandlerResult {
  return { status, body };
}

export function noContent(): HandlerResult {
  return { status: 204 };
}
