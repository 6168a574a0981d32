/** Progress of a slow operation, pushed from main to the UI over the same channel as the calls. */
export interface ProgressEvent {
  readonly type: 'progress';
  readonly operationId: string;
  readonly message: string;
  readonly elapsedMs: number;
  /** Fraction done (0..1) when known. */
  readonly fraction?: number;
}

/** Every event main sends to a front end. */
export type ApiEvent = ProgressEvent;
