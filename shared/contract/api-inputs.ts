import * as z from 'zod';
import { setupSchema } from '../setup/setup';
import { AWS_STEP_IDS } from '../steps/aws-steps';
import { LIVE_TEST_DEFAULT_SECONDS, LIVE_TEST_MAX_SECONDS } from '../livetest/live-test-result';
import { OPERATION_ID_PATTERN } from './api-contract';

const setupName = z.string().min(1, 'name: the setup name').max(64);
const backupPath = z.string().min(1, 'path: a backup file from backups.list').max(4096);
/** Other teams' rule Ids whose destination is gone, which the admin chose to remove from the bucket's configuration (shown in the diff). */
const removeStaleRules = z.array(z.string().min(1).max(255)).max(100).default([]);
const stepInput = z.object({ setup: setupSchema, step: z.enum(AWS_STEP_IDS), removeStaleRules }).strict();
const deleteQueueWithMessages = z.boolean().default(false);
const operationId = z.string().regex(OPERATION_ID_PATTERN, 'operationId: 1-64 of A-Z a-z 0-9 _ -');

/**
 * The input schema of each channel that takes input (api-contract.ts marks the others 'none'), checked in main before
 * its handler runs. A module of its own, loaded by the first call with input: a command that only lists profiles never
 * loads zod (start-up: BENCHMARKS.md).
 */
export const channelInputs = {
  'session.connect': z
    .object({
      profile: z.string().min(1, 'choose a profile').max(128),
      region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'a Region code such as us-east-1'),
      mfaCode: z
        .string()
        .regex(/^\d{6}$/, 'the 6-digit code from your MFA device')
        .optional(),
    })
    .strict(),
  'scope.bucketRegion': z
    .object({
      bucket: z.string().min(3).max(63),
      bucketOwner: z
        .string()
        .regex(/^\d{12}$/)
        .optional(),
    })
    .strict(),
  'steps.plan': stepInput,
  'steps.apply': stepInput.extend({ basis: z.string().min(1, "basis: the plan's basis fingerprint") }).strict(),
  'steps.applyAll': z
    .object({
      setup: setupSchema,
      removeStaleRules,
      plans: z
        .array(z.object({ step: z.enum(AWS_STEP_IDS), basis: z.string().min(1, "basis: the plan's basis fingerprint") }).strict())
        .min(1, 'plans: at least one confirmed step')
        .max(AWS_STEP_IDS.length)
        .refine((plans) => new Set(plans.map((p) => p.step)).size === plans.length, 'plans: each step at most once'),
    })
    .strict(),
  'steps.planAll': z.object({ setup: setupSchema, removeStaleRules }).strict(),
  'steps.planApplyAll': z.object({ setup: setupSchema, removeStaleRules }).strict(),
  'remove.plan': z.object({ setup: setupSchema, deleteQueueWithMessages, removeStaleRules }).strict(),
  'remove.apply': stepInput.extend({ basis: z.string().min(1, "basis: the removal plan's basis fingerprint"), deleteQueueWithMessages }).strict(),
  'setups.get': z.object({ name: setupName }).strict(),
  'setups.save': z.object({ setup: setupSchema, editing: setupName.nullable().optional() }).strict(),
  'setups.rename': z.object({ name: setupName, to: setupSchema.shape.name }).strict(),
  'setups.delete': z.object({ name: setupName }).strict(),
  'backups.list': z.object({ setupName }).strict(),
  'backups.planRestore': z.object({ path: backupPath, keepOurs: z.boolean().default(false) }).strict(),
  'backups.restore': z.object({ path: backupPath, basis: z.string().min(1), keepOurs: z.boolean().default(false) }).strict(),
  'livetest.run': z
    .object({
      setup: setupSchema,
      timeoutSeconds: z
        .number()
        .int()
        .min(5, 'timeoutSeconds: at least 5')
        .max(LIVE_TEST_MAX_SECONDS, `timeoutSeconds: at most ${LIVE_TEST_MAX_SECONDS} (15 minutes)`)
        .default(LIVE_TEST_DEFAULT_SECONDS),
    })
    .strict(),
  'handoff.values': z.object({ setup: setupSchema }).strict(),
  'doctor.run': z
    .object({
      setup: setupSchema,
      live: z.boolean().default(false),
      timeoutSeconds: z.number().int().min(5).max(LIVE_TEST_MAX_SECONDS).default(LIVE_TEST_DEFAULT_SECONDS),
    })
    .strict(),
  'export.build': z
    .object({
      setup: setupSchema,
      accountId: z
        .string()
        .regex(/^\d{12}$/, 'a 12-digit AWS account ID, such as 123456789012')
        .optional(),
    })
    .strict(),
  'operation.cancel': z.object({ operationId }).strict(),
};
