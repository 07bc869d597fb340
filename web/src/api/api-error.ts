/** The service's one error shape (`{ error: { code, message, request_id, details } }`), as thrown by the client. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly details: { where: string; problem: string }[];

  constructor(options: {
    status: number;
    code: string;
    message: string;
    requestId?: string | undefined;
    details?: { where: string; problem: string }[] | undefined;
  }) {
    super(options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.requestId = options.requestId;
    this.details = options.details ?? [];
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; request_id?: unknown; details?: unknown };
}

/** Reads an error response; a body that is not the service's shape (a proxy's page) still gives a clear error. */
export async function errorFrom(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let body: ErrorBody = {};
  try {
    body = JSON.parse(text) as ErrorBody;
  } catch {
    // Not JSON: reported below with the status.
  }
  const error = body.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string')
    return new ApiError({
      status: response.status,
      code: error.code,
      message: error.message,
      requestId: typeof error.request_id === 'string' ? error.request_id : undefined,
      details: Array.isArray(error.details) ? (error.details as { where: string; problem: string }[]) : [],
    });
  return new ApiError({
    status: response.status,
    code: `HTTP_${response.status}`,
    message: `the server answered ${response.status} ${response.statusText || ''} without an error body${text ? `: ${text.slice(0, 200)}` : ''}.`,
  });
}

/** A network failure (server down, connection dropped), in the same shape as the service's errors. */
export function networkError(error: unknown): ApiError {
  return new ApiError({
    status: 0,
    code: 'NETWORK',
    message: `the service could not be reached (${error instanceof Error ? error.message : String(error)}); check that \`testops serve\` is running.`,
  });
}
