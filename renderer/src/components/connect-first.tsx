import type { Connection } from '../../../shared/contract/aws-profile';
import { ProfileStep } from '../steps/profile-step';

/** For views that read the live account: why a connection is needed, then the same profile step as the wizard's (the view's heading keeps the focus). */
export function ConnectFirst({ reason, onConnected, onBusy }: { readonly reason: string; readonly onConnected: (connection: Connection) => void; readonly onBusy?: (busy: boolean) => void }) {
  return (
    <>
      <p className="banner warn" data-testid="connect-first">
        {reason}
      </p>
      <ProfileStep onConnected={onConnected} onBusy={onBusy} focusOnMount={false} />
    </>
  );
}
