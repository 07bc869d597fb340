/** One entry of the error array every non-2xx response of the API carries. */
export interface ApiErrorEntry {
  code: string;
  message: string;
  field?: string;
}

/**
 * Thrown by validators and handlers and turned into `[{code, message[, field]}]` by the server,
 * so every failure path produces the documented error shape with one status decision point.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: string,
    message: string,
    options: { field?: string; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = options.field;
    this.headers = options.headers ?? {};
  }

  toBody(): ApiErrorEntry[] {
    const entry: ApiErrorEntry = { code: this.code, message: this.message };
    if (this.field !== undefined) entry.field = this.field;
    return [entry];
  }
}

export function validationError(field: string, message: string): ApiError {
  return new ApiError(422, 'validation_error', message, { field });
}

export function wrongProject(projectId: string): ApiError {
  return new ApiError(422, 'wrong_project', `Project ${projectId} is not found`);
}

/** A deliberate 500 raised by a seeded fault; shaped like the documented APIExceptionSchema. */
export function simulatedServerError(message: string): ApiError {
  return new ApiError(500, 'internal_error', message);
}
