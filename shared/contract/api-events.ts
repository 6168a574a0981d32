/** Figures a slow operation reports with its progress line, so no screen reads them out of the text. */
export type ProgressDetail = {
  /** The live test's wait for its event: time since the upload started and distinct messages received so far. */
  readonly kind: 'livetest-wait';
  readonly elapsedMs: number;
  readonly messagesSeen: number;
};

/** Progress of a slow operation, pushed from main to the UI over the same channel as the calls. */
export interface ProgressEvent {
  readonly type: 'progress';
  readonly operationId: string;
  readonly message: string;
  readonly elapsedMs: number;
  readonly detail?: ProgressDetail;
}

/** Every event main sends to a front end. */
export type ApiEvent = ProgressEvent;
