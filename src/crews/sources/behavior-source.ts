/** Where the active behaviour comes from: a file, or a Notion page. */
export interface BehaviorSource {
  /** `file behavior.yaml`, `notion page 1a2b…`: for logs and `GET /api/v1/behavior`. */
  readonly label: string;
  /** The YAML text when it changed since the last read, `unchanged` when the source says so. */
  read(): Promise<{ text: string; version: string } | 'unchanged'>;
}
