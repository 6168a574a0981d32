import type * as z from 'zod';
import { defineChannel, type ChannelSpec } from './define-channel';
import type { Connection, ProfileListing } from './aws-profile';
import type { BackupEntry, SetupRecord } from './setup-record';
import type { channelInputs } from './api-inputs';
import type { AppliedRun, PlannedRun, RemovalPlan, RestorePlan, StepPlan, StepResult } from '../steps/step-plan';
import type { PlatformRegistration } from '../handoff/platform-registration';
import type { DoctorReport } from '../diagnostics/diagnostic-check';
import type { ExportBuild } from '../export/export-build';
import type { LiveTestResult } from '../livetest/live-test-result';

/** Information about the running back end that the UI shows. */
export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly frontEnd: 'electron' | 'web' | 'cli';
}

/** What an operation may be called: the front ends name their calls so that they can cancel them. */
export const OPERATION_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

type ChannelInputs = typeof channelInputs;

/** Compile-time check: a channel has a schema in api-inputs.ts exactly when the contract says it takes input. */
function checked<T extends { readonly [C in keyof T]: C extends keyof ChannelInputs ? ChannelSpec<unknown, 'schema'> : ChannelSpec<unknown, 'none'> }>(
  contract: T & Readonly<Record<keyof ChannelInputs, unknown>>,
): T {
  return contract;
}

/**
 * The whole API: channel -> input (its zod schema in api-inputs.ts, or 'none') -> output type. Electron IPC, the browser
 * host and the CLI all serve it.
 */
export const apiContract = checked({
  'app.info': defineChannel<AppInfo>()('Name and version of the back end', 'none'),
  'profiles.list': defineChannel<ProfileListing>()('Profiles of ~/.aws/config and ~/.aws/credentials, without secrets', 'none'),
  'session.connect': defineChannel<Connection>()("Resolve the profile's credentials and call sts:GetCallerIdentity"),
  'session.current': defineChannel<Connection | null>()('The current connection, if any', 'none'),
  'scope.buckets': defineChannel<{ readonly buckets: ReadonlyArray<{ readonly name: string }> }>()(
    'Buckets of the account (s3:ListAllMyBuckets), to pick from',
    'none',
  ),
  'scope.bucketRegion': defineChannel<{ readonly bucket: string; readonly region: string | null }>()(
    "A bucket's Region (s3:GetBucketLocation); null when the bucket does not exist",
  ),
  'steps.plan': defineChannel<StepPlan>()('Read the live document, build the proposed one, diff them; writes nothing'),
  'steps.apply': defineChannel<StepResult>()(
    'Refuse while another step of the setup is blocked; re-read, stop on drift, back up, write once, read back and compare',
  ),
  'steps.applyAll': defineChannel<AppliedRun>()(
    "Apply confirmed plans in step order as one operation (one neighbourhood read and plan gate, then each step's guarded write); stops at the first failure",
  ),
  'steps.planAll': defineChannel<ReadonlyArray<StepPlan>>()('Plan every AWS step of a setup (with its neighbours) before the first write; writes nothing'),
  'steps.planApplyAll': defineChannel<PlannedRun>()(
    "Confirmed in advance (apply --yes): plan every step; when none is blocked, save the setup and apply the plans as steps.applyAll does, in the same operation, so the run's first reads are the plan's",
  ),
  'remove.plan': defineChannel<ReadonlyArray<RemovalPlan>>()('What removing the setup from AWS does to each document (only what it owns); writes nothing'),
  'remove.apply': defineChannel<StepResult>()("Remove the setup's part of one document through the guarded write; the last one marks the setup removed"),
  'setups.list': defineChannel<ReadonlyArray<SetupRecord>>()('Saved setups with their status', 'none'),
  'setups.get': defineChannel<SetupRecord | null>()('One saved setup'),
  'setups.save': defineChannel<SetupRecord>()(
    "Save a setup as a draft, never over another saved setup (editing: null for a new one, the edited setup's saved name, absent for a setup file)",
  ),
  'setups.rename': defineChannel<SetupRecord>()('Rename a saved setup and its backups (moved, never copied); its AWS tags keep the old name'),
  'setups.delete': defineChannel<{ readonly deleted: boolean }>()(
    'Delete a saved setup from the list (its backups are set aside, never handed to a later setup of the name; nothing on AWS changes)',
  ),
  'backups.list': defineChannel<ReadonlyArray<BackupEntry>>()('Backups of one setup, newest first'),
  'backups.planRestore': defineChannel<RestorePlan>()(
    "Diff of the live document against a backup (keepOurs: the backup's with the setup's own part kept); writes nothing",
  ),
  'backups.restore': defineChannel<StepResult>()(
    "Back up the live document, write the backup's document (keepOurs: with the setup's own part kept), read back",
  ),
  'livetest.run': defineChannel<LiveTestResult>()('Upload a test object, wait for its event on the queue, clean up; releases every other message at once'),
  'handoff.values': defineChannel<PlatformRegistration>()('The values to register on the platform, read from the live account'),
  'doctor.run': defineChannel<DoctorReport>()('Named read-only checks over a setup (plus the live test with live: true)'),
  'export.build': defineChannel<ExportBuild>()('The change-control folder (documents, apply.sh, README); offline and unmerged when accountId is given'),
  'operation.cancel': defineChannel<{ readonly cancelled: boolean }>()('Cancel a running operation by its id'),
});

/** The API contract's type. */
export type ApiContract = typeof apiContract;
/** Every channel name. */
export type Channel = keyof ApiContract;
/** What a channel that takes no input accepts: `{}`. */
type NoInput = Record<string, never>;
/** Input type of a channel (what the caller sends, before defaults). */
export type ChannelInput<C extends Channel> = C extends keyof ChannelInputs ? z.input<ChannelInputs[C]> : NoInput;
/** Input type of a channel after validation (what a handler receives). */
export type ChannelParsed<C extends Channel> = C extends keyof ChannelInputs ? z.output<ChannelInputs[C]> : NoInput;
/** Output type of a channel. */
export type ChannelOutput<C extends Channel> = NonNullable<ApiContract[C]['output']> | Extract<ApiContract[C]['output'], null>;

/** The one request envelope every transport carries. */
export interface ApiRequest {
  readonly channel: string;
  readonly input: unknown;
  readonly operationId?: string;
}

/** True when `name` is a channel of the contract. */
export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(apiContract, name);
}
