import type { Connection } from '../../../shared/contract/aws-profile';
import { CopyButton } from '../components/copy-button';
import { PanelHeading } from '../components/panel-heading';
import { NetworkFacts } from './network-facts';

/** Who the wizard acts as: shown before any further step so the admin can check the account. */
export function ConnectedPanel({
  connection,
  onChange,
  onContinue,
}: {
  readonly connection: Connection;
  readonly onChange: () => void;
  readonly onContinue?: () => void;
}) {
  return (
    <section aria-labelledby="connected-title" className="panel" data-testid="step-panel-profile">
      <PanelHeading id="connected-title">Connected</PanelHeading>
      <dl className="facts">
        <dt>Account</dt>
        <dd>
          <code data-testid="account-id">{connection.accountId}</code> <CopyButton text={connection.accountId} label="account id" />
        </dd>
        <dt>Identity</dt>
        <dd>
          <code data-testid="caller-arn">{connection.arn}</code>
        </dd>
        <dt>Profile</dt>
        <dd>{connection.profile}</dd>
        <dt>Region</dt>
        <dd>{connection.region}</dd>
        <NetworkFacts network={connection.network} />
      </dl>
      <div className="actions">
        {onContinue ? (
          <button type="button" onClick={onContinue}>
            Continue
          </button>
        ) : null}
        <button type="button" className="secondary" onClick={onChange}>
          Change profile
        </button>
      </div>
    </section>
  );
}
