import type { FanOutDocument } from '../fanout/fan-out-document';
import type { PlatformRegistration } from '../handoff/platform-registration';
import type { Setup } from '../setup/setup';

/** The four documents of the platform guide (steps 2-5), keyed by what they are. */
export interface ExportDocuments {
  readonly queuePolicy: unknown;
  readonly bucketNotification: unknown;
  readonly trustPolicy: unknown;
  readonly permissionsPolicy: unknown;
}

/** Everything the export's files are generated from; main builds it from the step plans (or offline, from nothing live). */
export interface ExportInput {
  readonly setup: Setup;
  readonly accountId: string;
  /** True when the documents were merged with the live ones read with credentials; false for an offline export. */
  readonly merged: boolean;
  /** ISO time the live documents were read (or the offline export was made). */
  readonly exportedAt: string;
  /** What `apply` would write: the step plans' proposed documents. */
  readonly proposed: ExportDocuments;
  /** The live documents the proposals were merged with (null: absent; the notification is {} when it has none). */
  readonly base: ExportDocuments;
  readonly registration: PlatformRegistration;
  /** True when the queue did not exist, so the queue URL in the registration is the standard form, not one read back. */
  readonly queueUrlPredicted: boolean;
  /** Warnings of the plans and the offline note, shown by the CLI and written into README.md. */
  readonly notes: ReadonlyArray<string>;
  /** The SNS fan-out the plan resolves an overlap with (null: none): its document, the live one it was merged with, its topic. */
  readonly fanOut?: { readonly proposed: FanOutDocument; readonly base: FanOutDocument | null; readonly topicArn: string } | null;
}

/** One file of the export folder; `name` is a relative POSIX path (the drift-guard copies live under base/). */
export interface ExportFile {
  readonly name: string;
  readonly content: string;
}
