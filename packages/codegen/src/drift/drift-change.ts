/** Whether a change breaks existing clients. */
export type DriftSeverity = 'breaking' | 'non-breaking';

/** Which side of the exchange a change is on: what the client sends, or what it receives. */
export type DriftSide = 'operation' | 'parameter' | 'request' | 'response';

/**
 * One structural difference between two surfaces, classified. `id` is a stable kebab-case kind
 * (`operation-removed`, `request-field-became-required`, ...) that tools may match on.
 */
export interface DriftChange {
  id: string;
  severity: DriftSeverity;
  side: DriftSide;
  /** The operation key (`GET /v1/charges`); a component change appears once per operation using it. */
  operation: string;
  /** The component schema the change is inside, when it is inside one. */
  schema?: string;
  /** Response status code, for response-side changes. */
  status?: string;
  /** Parameter name (`query:limit`), field path within `schema` or the inline body (`lines[].amount`), or "" for the whole thing. */
  location: string;
  /** One short line: what changed and why it is (not) breaking. */
  reason: string;
}

export interface DiffOptions {
  /** The date sunset dates are compared with; default now. */
  now?: Date;
  /**
   * Parameters a connector depends on for paging or incremental sync, per operation key: any
   * change to them (removal, rename of type, new enum) is breaking (`pagination-parameter-changed`).
   */
  contractParameters?: Record<string, string[]>;
}
