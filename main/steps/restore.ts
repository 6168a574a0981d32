import { targetInRegion } from '../aws/clients';
import { basename, dirname } from 'node:path';
import { apiError, ApiFailure } from '../../shared/contract/api-error';
import { diffDocuments } from '../../shared/diff/diff-documents';
import { documentsEqual } from '../../shared/diff/semantic-form';
import { summarizeChanges } from '../../shared/diff/summarize-changes';
import { AWS_STEPS, titleInSentence } from '../../shared/steps/aws-steps';
import type { RestoreOwnPart, RestorePlan, StepResult } from '../../shared/steps/step-plan';
import { toApiError } from '../aws/aws-errors';
import { readBackup, type BackupRecord } from '../store/backups';
import { getSetup } from '../store/setups';
import { guardedWrite } from './guarded-write';
import { planContextFor } from './neighbourhood';
import { basisOf } from './plan-basis';
import { stepContextFor, type OperationContext, type PlanContext } from './step-context';
import type { AnyStepDefinition, LiveState } from './step-definition';
import { definitionOfBackupKind } from './step-registry';

/** Which backup files a restore may read: only the data directory's (GUI), or any path the admin typed (CLI); and whether to keep the setup's own part. */
export interface RestoreScope {
  readonly anyFolder: boolean;
  /** Restore the others' parts and keep the setup's own statement or rule (the backup's document with the setup's part merged in by its step's proposal). */
  readonly keepOurs?: boolean;
}

interface PreparedRestore {
  readonly backup: BackupRecord;
  readonly definition: AnyStepDefinition;
  /** The operation, with AWS calls going to the backup's Region. */
  readonly op: OperationContext;
}

async function prepare(path: string, op: OperationContext, scope: RestoreScope): Promise<PreparedRestore> {
  const backup = await readBackup(path, scope.anyFolder ? undefined : op.dataDir);
  const definition = definitionOfBackupKind(backup.kind);
  if (!definition) throw new ApiFailure(apiError('BAD_INPUT', `${basename(path)} holds a ${backup.kind} backup, which this version cannot restore.`));
  const rule = AWS_STEPS[definition.id].restore;
  if (rule.allowed === 'never' || (rule.allowed === 'when-it-existed' && backup.document === null)) {
    throw new ApiFailure(apiError('BAD_INPUT', `${rule.refusal.message} Nothing was written.`, { fix: rule.refusal.fix }));
  }
  if (op.accountId !== backup.account) {
    throw new ApiFailure(
      apiError('CONFLICT', `The backup belongs to account ${backup.account}, but you are connected to ${op.accountId}.`, {
        fix: `Connect with a profile of account ${backup.account}.`,
      }),
    );
  }
  // A bucket of another account is restored with the owner its backup recorded (ExpectedBucketOwner), as it was written.
  return { backup, definition, op: { ...op, bucketOwner: backup.bucketOwner ?? op.accountId, target: targetInRegion(op.target, backup.region) } };
}

/**
 * Where the live document's backup goes: beside the restored one when that lies in a `<root>/backups/<setup>/` folder
 * (the data directory or a CLI --backup-dir), else in the data directory under "restores".
 */
function backupHome(path: string, dataDirectory: string): { readonly root: string; readonly setupName: string } {
  const setupFolder = dirname(path);
  const backupsFolder = dirname(setupFolder);
  return basename(backupsFolder) === 'backups' && dirname(backupsFolder) !== backupsFolder
    ? { root: dirname(backupsFolder), setupName: basename(setupFolder) }
    : { root: dataDirectory, setupName: 'restores' };
}

/** True when the live document already is the backup's (both absent counts). */
function sameAsBackup(live: unknown, backup: unknown): boolean {
  if (backup === null) return live === null || live === '';
  return live !== null && documentsEqual(live, backup);
}

/**
 * The plan context of the saved setup whose backups folder holds `path`, when that setup's step changes exactly the
 * backup's resource: its own part can then be told apart (the same proposal apply makes). Null when no saved setup
 * owns the resource (a CLI --backup-dir, a backup of a resource the setup no longer uses).
 */
async function ownerContext(path: string, prepared: PreparedRestore): Promise<PlanContext | null> {
  const { setupName } = backupHome(path, prepared.op.dataDir);
  const record = await getSetup(prepared.op.dataDir, setupName).catch(() => null);
  if (!record || record.status === 'removed') return null;
  const pctx = await planContextFor(stepContextFor(record.setup, prepared.op));
  return prepared.definition.resource(pctx) === prepared.backup.resource ? pctx : null;
}

/**
 * True when `document` already holds the setup's part as the setup needs it: its step's proposal adds or replaces
 * nothing of it (a top-level difference such as a missing policy Id is not the setup's statement or rule).
 */
function holdsOurs(def: AnyStepDefinition, live: LiveState<unknown, unknown>, document: unknown, pctx: PlanContext): boolean {
  const proposal = def.propose({ ...live, document }, pctx);
  return proposal.ok && (!proposal.changed || !proposal.summary.some((item) => item.kind === 'added' || item.kind === 'replaced'));
}

/**
 * The backup's document with the setup's part kept: the step's own proposal (shared/ merges: by Sid, by rule Id, the
 * setup's trust statements) made over the backup's document instead of the live one, so every other part is the
 * backup's; or why that would be refused.
 */
function keepOursDocument(def: AnyStepDefinition, live: LiveState<unknown, unknown>, backup: BackupRecord, pctx: PlanContext) {
  return def.propose({ ...live, document: backup.document }, pctx);
}

/** The summary labels of the setup's own statements or rules (its step's proposal names them), so the restore's summary tells them from the others'. */
function ourLabels(def: AnyStepDefinition, live: LiveState<unknown, unknown>, backup: BackupRecord, pctx: PlanContext): ReadonlySet<string> {
  const kept = keepOursDocument(def, live, backup, pctx);
  return new Set(kept.ok ? kept.summary.filter((item) => item.kind !== 'kept' && item.kind !== 'removed').map((item) => item.label) : []);
}

/** What restoring the backup does to the owning setup's part, for the warning and the "keep ours" offer. */
function ownPartOf(def: AnyStepDefinition, live: LiveState<unknown, unknown>, backup: BackupRecord, pctx: PlanContext): RestoreOwnPart {
  const kept = keepOursDocument(def, live, backup, pctx);
  return {
    setupName: pctx.setup.name,
    removesOurs: holdsOurs(def, live, live.document, pctx) && !holdsOurs(def, live, backup.document, pctx),
    consequence: AWS_STEPS[def.id].withoutOurPart,
    keepOursRefused: kept.ok ? null : kept.error,
  };
}

/**
 * Diff of the live document against a backup (live -> backup), with the basis a restore must match; with
 * `keepOurs`, against the backup's document with the owning setup's part kept. Says when restoring the backup as it
 * is takes that part out (what stops then).
 */
export async function planRestore(path: string, op: OperationContext, scope: RestoreScope): Promise<RestorePlan> {
  const prepared = await prepare(path, op, scope);
  const { backup, definition, op: restoreOp } = prepared;
  const live = await definition.read(restoreOp, backup.resource).catch((err: unknown) => {
    throw new ApiFailure(toApiError(err, { resource: backup.resource }));
  });
  // Telling the setup's part apart reads its neighbourhood; when that read fails the restore itself still plans.
  const owner = await ownerContext(path, prepared).then(
    (found) => ({ pctx: found, note: null }),
    (err: unknown) => ({ pctx: null, note: `Whether this restore takes out a setup's own part could not be told: ${toApiError(err).message}` }),
  );
  const pctx = owner.pctx;
  const ownPart = pctx ? ownPartOf(definition, live, backup, pctx) : null;
  const target = scope.keepOurs ? keptDocument(definition, live, backup, pctx) : backup.document;
  return {
    step: definition.id,
    title: `Restore ${titleInSentence(definition.id)}`,
    resource: backup.resource,
    // A backup that recorded nothing deletes what is there now (the result then says "deleted"); any other restore is an update.
    action: sameAsBackup(live.document, target) ? 'unchanged' : target === null ? 'delete' : 'update',
    current: live.document,
    proposed: target,
    summary: summarizeChanges(live.document, target, pctx ? ourLabels(definition, live, backup, pctx) : new Set()),
    diff: diffDocuments(live.document, target),
    basis: basisOf(live.document),
    warnings: [],
    notes: [
      `Backup taken ${backup.takenAt}.`,
      ...(scope.keepOurs && pctx ? [`The backup's document with the part of setup ${pctx.setup.name} kept as it is now.`] : []),
      ...(owner.note ? [owner.note] : []),
    ],
    blocked: null,
    backupPath: path,
    takenAt: backup.takenAt,
    keepOurs: scope.keepOurs ?? false,
    ownPart,
  };
}

/** The document a keep-ours restore writes, or the refusal (no owning setup, or the backup's document refuses the setup's part). */
function keptDocument(def: AnyStepDefinition, live: LiveState<unknown, unknown>, backup: BackupRecord, pctx: PlanContext | null): unknown {
  if (!pctx) {
    throw new ApiFailure(
      apiError('BAD_INPUT', "No saved setup owns this backup's resource, so there is no part of a setup to keep. Nothing was written.", {
        fix: 'Restore the backup as it is, or restore from the Backups view of the setup that owns the resource.',
      }),
    );
  }
  const kept = keepOursDocument(def, live, backup, pctx);
  if (!kept.ok) throw new ApiFailure({ ...kept.error, message: `${kept.error.message} Nothing was written.` });
  return kept.document;
}

/**
 * Restores a backup through the guarded write: the live document is backed up first, the backup's is written (with
 * `keepOurs`, with the owning setup's part kept, decided again on the fresh read) and read back.
 */
export async function restoreBackup(path: string, basis: string, op: OperationContext, scope: RestoreScope): Promise<StepResult> {
  const prepared = await prepare(path, op, scope);
  const { backup, definition, op: restoreOp } = prepared;
  const { root, setupName } = backupHome(path, op.dataDir);
  const pctx = scope.keepOurs ? await ownerContext(path, prepared) : null;
  const targetOf = (live: LiveState<unknown, unknown>) => (scope.keepOurs ? keptDocument(definition, live, backup, pctx) : backup.document);
  let target: unknown = backup.document;
  const result = await guardedWrite(
    {
      definition,
      resource: backup.resource,
      basis,
      planName: 'restore plan',
      planContext: null,
      decide: (live) => {
        try {
          target = targetOf(live);
        } catch (err) {
          // Keeping ours is decided again on the fresh read; a refusal then writes nothing.
          if (err instanceof ApiFailure) return { kind: 'refused', error: err.error };
          throw err;
        }
        return sameAsBackup(live.document, target) ? { kind: 'unchanged' } : { kind: 'write', document: target };
      },
      verify: (after) => sameAsBackup(after.document, target),
      record: {
        backupRoot: root,
        setupName,
        auditStep: `restore:${definition.id}`,
        note: scope.keepOurs ? `restored ${path}, keeping the part of setup ${pctx?.setup.name ?? setupName}` : `restored ${path}`,
      },
    },
    restoreOp,
  );
  return result.action === 'created' ? { ...result, action: 'updated' } : result;
}
