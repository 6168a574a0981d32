import type { Setup } from '../setup/setup';
import { setupArns, type SetupArns } from '../setup/setup-arns';

/** The setup and the ARNs it implies, for the checks. */
export interface DiagnosticContext extends SetupArns {
  readonly setup: Setup;
  readonly accountId: string;
}

/** Derives the ARNs of a setup in an account. */
export function diagnosticContext(setup: Setup, accountId: string): DiagnosticContext {
  return { setup, accountId, ...setupArns(setup, accountId) };
}
