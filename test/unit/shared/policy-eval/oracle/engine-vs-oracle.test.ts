import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { oracleCase, type OracleCase } from './cases';
import type { PolicyDecision } from '../../../../../shared/policy-eval/policy-request';
import { DIVERGENCES, type OracleResults } from './divergences';
import { HAND_WRITTEN } from './hand-written';
import { askEngine, askOracle, contextVariants } from './oracle';

/** At least 2,000 cases per run (the diagnostics' three questions in equal parts); PROPERTY_SEED reruns another sample. */
const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 3000);
const SEED = Number(process.env['PROPERTY_SEED'] ?? 20261128);

/** Whether the oracle's answers (one per context variant) bear the engine's answer out. */
function agrees(engine: PolicyDecision, oracle: OracleResults): boolean {
  if (engine.status === 'allowed') return oracle.every((o) => o === 'Allowed');
  if (engine.status === 'denied' && engine.decidedBy !== null) return oracle.every((o) => o === 'ExplicitlyDenied');
  // Denied by default: never allowed, and an explicit Deny only where the engine says one may also apply.
  if (engine.status === 'denied') return oracle.every((o) => o === 'ImplicitlyDenied' || (o === 'ExplicitlyDenied' && engine.mayAlsoDeny !== undefined));
  // "depends" and "cannot evaluate" are never a pass or a fail; they are counted below.
  return true;
}

describe('the policy engine against an independent IAM simulator (@cloud-copilot/iam-simulate)', () => {
  it(`agrees on ${RUNS} generated (policy, request) cases, outside the documented divergences`, async () => {
    const cases: ReadonlyArray<OracleCase> = fc.sample(oracleCase, { seed: SEED, numRuns: RUNS });
    const tally: Record<string, number> = {};
    const count = (key: string) => (tally[key] = (tally[key] ?? 0) + 1);
    const unexplained: string[] = [];
    for (const c of cases) {
      const engine = askEngine(c);
      const answers = await Promise.all(contextVariants(c).map((v) => askOracle(c, v)));
      const errors = answers.flatMap((a) => ('error' in a ? [a.error] : []));
      expect(errors, `the oracle refused a generated case: ${JSON.stringify(c)}`).toEqual([]);
      const oracle = answers.map((a) => ('result' in a ? a.result : ''));
      count(`${c.kind} ${engine.status}`);
      if (agrees(engine, oracle)) continue;
      const divergence = DIVERGENCES.find((d) => d.covers(c, engine, oracle));
      if (divergence) {
        count(`divergence ${divergence.id}`);
        continue;
      }
      unexplained.push(`${c.kind}: engine ${engine.status} (${engine.reason}); oracle ${oracle.join('|')}\n${JSON.stringify(c)}`);
    }
    console.log(`seed ${SEED}, ${cases.length} cases: ${JSON.stringify(tally)}`);
    if (process.env['PROPERTY_DUMP']) writeFileSync(process.env['PROPERTY_DUMP'], unexplained.join('\n\n'));
    expect(unexplained.slice(0, 3), `${unexplained.length} disagreement(s)`).toEqual([]);
    // Every kind of answer is exercised, so a generator change cannot quietly hollow the test out.
    for (const kind of ['queue', 'trust', 'identity'])
      for (const status of ['allowed', 'denied', 'depends', 'cannot-evaluate']) expect(tally[`${kind} ${status}`] ?? 0, `${kind} ${status}`).toBeGreaterThan(0);
  }, 300_000);

  it("agrees on hand-written policies: the platform guide's, and the shapes admins and AWS's examples use", async () => {
    for (const { name, expected, case: c } of HAND_WRITTEN) {
      const engine = askEngine(c);
      expect(engine.status, name).toBe(expected);
      const oracle = (await Promise.all(contextVariants(c).map((v) => askOracle(c, v)))).map((a) => ('result' in a ? a.result : a.error));
      expect(agrees(engine, oracle), `${name}: engine ${engine.status} (${engine.reason}); oracle ${oracle.join('|')}`).toBe(true);
    }
  });
});
