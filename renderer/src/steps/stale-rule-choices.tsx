import type { StaleRule } from '../../../shared/policy/notification-destinations';

/**
 * Other teams' bucket rules whose destination no longer exists: S3 refuses the whole configuration while one is in
 * it, so the plan is blocked until the owner fixes it or the admin ticks it here for removal (shown in the diff).
 */
export function StaleRuleChoices({
  rules,
  chosen,
  disabled,
  onChange,
}: {
  readonly rules: ReadonlyArray<StaleRule>;
  readonly chosen: ReadonlyArray<string>;
  readonly disabled: boolean;
  readonly onChange: (chosen: ReadonlyArray<string>) => void;
}) {
  return (
    <fieldset className="form" data-testid="stale-rules">
      <legend>Rules of other teams whose destination is gone</legend>
      {rules.map((rule, i) => (
        <div className="form-wide checkbox" key={rule.ruleId}>
          <input
            type="checkbox"
            id={`stale-rule-${i}`}
            checked={chosen.includes(rule.ruleId)}
            disabled={disabled}
            onChange={(e) => onChange(e.target.checked ? [...chosen, rule.ruleId] : chosen.filter((id) => id !== rule.ruleId))}
          />
          <label htmlFor={`stale-rule-${i}`}>
            Remove rule &quot;{rule.ruleId}&quot;: it sends to {rule.kind} <code>{rule.arn}</code>, which {rule.detail}
          </label>
        </div>
      ))}
      <p className="muted form-wide">
        S3 checks every destination of the bucket&apos;s configuration on each write and refuses all of it while one is gone. Removing another team&apos;s rule
        is your choice: the diff shows it, and the backup keeps it.
      </p>
    </fieldset>
  );
}
