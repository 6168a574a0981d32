import { parsePolicyDocument } from '../../shared/diff/parse-policy-document';
import type { ExportDocuments } from '../../shared/export/export-input';
import { AWS_STEPS, type AwsStepId } from '../../shared/steps/aws-steps';

/** The proposed and live documents of the four document steps, whichever way they were obtained. */
export interface ExportSources {
  readonly proposed: ExportDocuments;
  readonly base: ExportDocuments;
  readonly notes: ReadonlyArray<string>;
}

/** One document step's outcome: what apply would write, what it was merged with, and what the admin should read. */
export interface StepDocuments {
  readonly proposed: unknown;
  readonly current: unknown;
  readonly notes: ReadonlyArray<string>;
}

/** The document steps and the export's key for each (the queue step writes no document). */
const DOCUMENT_STEPS = [
  ['queuePolicy', 'queuePolicy'],
  ['bucketNotification', 'bucketNotification'],
  ['roleTrust', 'trustPolicy'],
  ['rolePermissions', 'permissionsPolicy'],
] as const satisfies ReadonlyArray<readonly [AwsStepId, keyof ExportDocuments]>;

/** The SQS Policy attribute is JSON text; the export keeps it as a document so base/ compares as JSON. */
function asDocument(current: unknown): unknown {
  if (typeof current !== 'string') return current ?? null;
  const parsed = parsePolicyDocument(current);
  return parsed.ok ? parsed.value : current;
}

/** Collects the four documents from per-step outcomes; notes are labelled with the step's title. */
export function exportSources(byStep: (step: AwsStepId) => StepDocuments, extraNotes: ReadonlyArray<string> = []): ExportSources {
  const proposed: Record<string, unknown> = {};
  const base: Record<string, unknown> = {};
  const notes = [...extraNotes];
  for (const [step, key] of DOCUMENT_STEPS) {
    const docs = byStep(step);
    proposed[key] = docs.proposed;
    base[key] = asDocument(docs.current);
    notes.push(...docs.notes.map((n) => `${AWS_STEPS[step].title}: ${n}`));
  }
  return { proposed: proposed as unknown as ExportDocuments, base: base as unknown as ExportDocuments, notes: [...new Set(notes)] };
}
