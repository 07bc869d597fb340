import type { paths } from './openapi-types.ts';

/** Types of the service's HTTP contract, read from the generated OpenAPI types (never written by hand). */
type Ok<Operation> = Operation extends { responses: { 200: { content: { 'application/json': infer Body } } } }
  ? Body
  : Operation extends { responses: { 202: { content: { 'application/json': infer Body } } } }
    ? Body
    : never;
type RequestBody<Operation> = Operation extends {
  requestBody: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

export type Task = Ok<paths['/api/v1/tasks/{id}']['get']>;
export type TaskList = Ok<paths['/api/v1/tasks']['get']>;
export type TaskStatus = Task['status'];
export type TaskKind = Task['kind'];
export type TestItem = Ok<paths['/api/v1/tests']['get']>['items'][number];
export type TestDetail = Ok<paths['/api/v1/tests/{id}']['get']>;
export type Accepted = Ok<paths['/api/v1/generate/api-tests']['post']>;
export type ApiTestsBody = RequestBody<paths['/api/v1/generate/api-tests']['post']>;
export type TestCasesBody = RequestBody<paths['/api/v1/generate/test-cases']['post']>;
export type ValidateBody = RequestBody<paths['/api/v1/validate']['post']>;
export type OptimizeBody = RequestBody<paths['/api/v1/optimize']['post']>;
export type TestPlanBody = RequestBody<paths['/api/v1/test-plan/generate']['post']>;
export type TaskFiles = Ok<paths['/api/v1/tasks/{id}/files']['get']>;
export type Demo = Ok<paths['/api/v1/demos']['get']>['items'][number];
export type ModelInfo = Ok<paths['/api/v1/llm']['get']>;
export type ModelCheck = Ok<paths['/api/v1/llm/check']['post']>;
export type ExportBody = RequestBody<paths['/api/v1/export']['post']>;
export type ExportTarget = ExportBody['target'];
export type SecretNames = Ok<paths['/api/v1/projects/{project_id}/secrets']['get']>;

export const FINAL_STATUSES: readonly TaskStatus[] = ['completed', 'failed', 'cancelled'];
export type Chat = Ok<paths['/api/v1/projects/{id}/chats']['get']>['items'][number];
export type ChatMessage = Ok<paths['/api/v1/projects/{id}/history']['get']>['items'][number];
