import type { ApiResponse } from '../../core/api-model.ts';
import type { ApiCaseContext } from './api-case-context.ts';

/** "an array of {code, message} errors (AuthUnauthorizedExceptionSchema)": what an error body must be. */
export function errorShape(context: ApiCaseContext, response: ApiResponse): string {
  if (!response.schema) return 'the documented error response';
  const resolved = context.view.resolve(response.schema);
  const item =
    resolved.type === 'array' ? context.view.fields(resolved.items) : context.view.fields(resolved);
  const names = item.map((field) => field.name).slice(0, 4);
  const schema = context.view.nameOf(resolved.type === 'array' ? resolved.items : response.schema);
  const shape = names.length > 0 ? `{${names.join(', ')}}` : 'error';
  const described = resolved.type === 'array' ? `an array of ${shape} objects` : `a ${shape} object`;
  return schema ? `${described} (${schema})` : described;
}
