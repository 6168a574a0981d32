import type { FixStep } from './diagnose-missing-event';

/** Outcome of the live upload-and-receive test (platform guide step 6). */
export interface LiveTestResult {
  readonly ok: boolean;
  /** From the upload to the receipt of its event; null when it never arrived. */
  readonly latencyMs: number | null;
  /** From the upload's completion to this result (moto delivers at upload, so: event in queue -> test reported). */
  readonly sinceUploadMs: number;
  readonly key: string;
  readonly bucket: string;
  readonly messagesSeen: number;
  /** Distinct messages that were not the test's and were made visible again at once (some may be held later). */
  readonly released: number;
  /** Distinct messages that were not the test's, held hidden until the end of the test so it never moves them to the DLQ. */
  readonly held: number;
  /** The queue's RedrivePolicy maxReceiveCount (null without one): why messages received twice are held, not released. */
  readonly redriveMaxReceiveCount: number | null;
  readonly duplicates: number;
  /** Distinct s3:TestEvent messages for the bucket (S3 sends one when a rule is written): never counted as the platform's messages. */
  readonly testEvents: number;
  /** How many of them were deleted: on the setup's own queue, as after the notification write; elsewhere they are handed back. */
  readonly testEventsDeleted: number;
  readonly eventName: string | null;
  /** True when the test object was deleted; false means it was left behind at `key`. */
  readonly objectDeleted: boolean;
  /** When not ok: the hop that most likely failed, in words, with the fix. */
  readonly diagnosis: string | null;
  readonly fix: string | null;
  /** When not ok: the wizard step whose plan makes the fix, or null when none can. */
  readonly fixStep: FixStep | null;
  readonly finishedAt: string;
}

/** Default and maximum time to wait for the event: 120 s by default, at most 15 minutes. */
export const LIVE_TEST_DEFAULT_SECONDS = 120;
/** Upper bound of the wait. */
export const LIVE_TEST_MAX_SECONDS = 900;
