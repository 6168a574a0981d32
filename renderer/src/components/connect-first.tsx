import { ProfileStep } from '../steps/profile-step';

/** For views that read the live account: why a connection is needed, then the same profile step as the wizard's (the view's heading keeps the focus). */
export function ConnectFirst({ reason }: { readonly reason: string }) {
  return (
    <>
      <p className="banner warn" data-testid="connect-first">
        {reason}
      </p>
      <ProfileStep focusOnMount={false} />
    </>
  );
}
