/** The seam between the structured-output layer and a provider adapter. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface CompletionRequest {
  task: string;
  messages: ChatMessage[];
  /** Asks for JSON: with a schema when the model honours `json_schema`, else plain JSON mode. */
  json: { name: string; schema: Record<string, unknown> | undefined };
  temperature?: number;
  maxOutputTokens?: number;
}

export interface CompletionResult {
  text: string;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  latencyMs: number;
}

export interface TextCompletion {
  readonly provider: string;
  readonly model: string;
  complete(request: CompletionRequest): Promise<CompletionResult>;
}
