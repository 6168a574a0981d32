import { useEffect, useMemo, useState } from 'react';
import type { ProfileListing, ProfileSummary } from '../../../shared/contract/aws-profile';
import { validateRegion } from '../../../shared/validation/region';
import { useConnection } from '../api/connection-context';
import { useOperation } from '../api/use-operation';
import { ErrorBanner } from '../components/error-banner';
import { PanelHeading } from '../components/panel-heading';
import { ProgressLine } from '../components/progress-line';

const KIND_LABEL: Readonly<Record<ProfileSummary['kind'], string>> = {
  static: 'static keys',
  sso: 'SSO',
  'assume-role': 'assume role',
  'credential-process': 'credential process',
  'web-identity': 'web identity',
  environment: 'environment variables',
  incomplete: 'incomplete',
};

/** First step: pick a local AWS profile and Region, Connect -> sts:GetCallerIdentity (credentials stay in main). */
export function ProfileStep({
  focusOnMount = true,
}: {
  /** False when the profile step is shown below another view's heading, which keeps the focus. */
  readonly focusOnMount?: boolean;
}) {
  const { setConnection } = useConnection();
  const listing = useOperation('profiles.list');
  const connect = useOperation('session.connect');
  const [profile, setProfile] = useState('');
  const [region, setRegion] = useState('');
  const [mfaCode, setMfaCode] = useState('');

  const { run: runListing } = listing;
  const { reset: resetConnect } = connect;
  useEffect(() => {
    void runListing({}).then((value: ProfileListing | null) => {
      if (!value) return;
      setProfile(value.selected ?? '');
      setRegion(value.region ?? value.profiles.find((p) => p.name === value.selected)?.region ?? 'us-east-1');
    });
  }, [runListing]);

  const selected = useMemo(() => listing.value?.profiles.find((p) => p.name === profile) ?? null, [listing.value, profile]);
  const regionError = region ? (validateRegion(region)?.message ?? null) : null;
  const mfaError = selected?.mfaSerial && mfaCode && !/^\d{6}$/.test(mfaCode) ? 'The MFA code is 6 digits.' : null;
  const busy = connect.loading || listing.loading;

  /** Another profile: its own Region (else the one the app started with), a new MFA code, and no answer left from the previous profile's Connect. */
  function chooseProfile(name: string) {
    setProfile(name);
    const chosen = listing.value?.profiles.find((p) => p.name === name);
    setRegion(chosen?.region ?? listing.value?.region ?? region);
    setMfaCode('');
    resetConnect();
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const result = await connect.run({ profile, region, ...(selected?.mfaSerial && mfaCode ? { mfaCode } : {}) });
    if (result) setConnection(result);
  }

  return (
    <section aria-labelledby="profile-title" className="panel" data-testid="step-panel-profile">
      <PanelHeading id="profile-title" focusOnMount={focusOnMount}>
        Connect an AWS profile
      </PanelHeading>
      <p className="muted">
        The wizard reads your local AWS profiles; keys and tokens stay in the back end and never reach this window.
        {listing.value?.endpoint ? (
          <>
            {' '}
            Endpoint override: <code data-testid="endpoint">{listing.value.endpoint}</code>
          </>
        ) : null}
      </p>
      {listing.value ? (
        <p className="muted" data-testid="listing-network">
          Proxy:{' '}
          {listing.value.network.proxy ? (
            <>
              <code>{listing.value.network.proxy}</code> (from {listing.value.network.proxySource})
            </>
          ) : (
            `none (${listing.value.network.proxySource})`
          )}
          . CA bundle:{' '}
          {listing.value.network.caBundle ? (
            <>
              <code>{listing.value.network.caBundle}</code> (AWS_CA_BUNDLE)
            </>
          ) : selected?.caBundle ? (
            <>
              <code>{selected.caBundle}</code> (ca_bundle of profile {selected.name})
            </>
          ) : (
            'none, the default certificate authorities'
          )}
          .
        </p>
      ) : null}
      {listing.error ? <ErrorBanner error={listing.error} /> : null}
      {listing.value && listing.value.profiles.length === 0 ? (
        <div className="banner warn" role="alert">
          <p className="banner-title">No AWS profiles found in ~/.aws/config or ~/.aws/credentials, and no credentials in the environment.</p>
          <p>
            Create one with <code>aws configure</code> (static keys) or <code>aws configure sso</code>, then reload this page.
          </p>
        </div>
      ) : null}
      <form onSubmit={(e) => void submit(e)} className="form" aria-busy={busy}>
        <label htmlFor="profile">Profile</label>
        <select id="profile" value={profile} onChange={(e) => chooseProfile(e.target.value)} disabled={busy || !listing.value?.profiles.length}>
          {listing.value?.profiles.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name} ({KIND_LABEL[p.kind]}
              {p.region ? `, ${p.region}` : ''})
            </option>
          ))}
        </select>
        <label htmlFor="region">Region</label>
        <input
          id="region"
          value={region}
          onChange={(e) => setRegion(e.target.value.trim())}
          disabled={busy}
          aria-invalid={Boolean(regionError)}
          aria-describedby="region-help"
          spellCheck={false}
        />
        <p id="region-help" className={regionError ? 'field-error' : 'muted'}>
          {regionError ?? 'The Region of your bucket and queue.'}
        </p>
        {selected?.mfaSerial ? (
          <>
            <label htmlFor="mfa">MFA code</label>
            <input
              id="mfa"
              inputMode="numeric"
              autoComplete="one-time-code"
              value={mfaCode}
              onChange={(e) => setMfaCode(e.target.value.trim())}
              disabled={busy}
              aria-invalid={Boolean(mfaError)}
              aria-describedby="mfa-help"
            />
            <p id="mfa-help" className={mfaError ? 'field-error' : 'muted'}>
              {mfaError ?? (
                <>
                  The 6-digit code of the MFA device <code>{selected.mfaSerial}</code>.
                </>
              )}
            </p>
          </>
        ) : null}
        <div className="actions">
          <button type="submit" disabled={busy || !profile || !region || Boolean(regionError) || Boolean(mfaError) || Boolean(selected?.mfaSerial && !mfaCode)}>
            Connect
          </button>
        </div>
      </form>
      {connect.loading ? <ProgressLine message={connect.progress} elapsedMs={connect.elapsedMs} onCancel={connect.cancel} /> : null}
      {connect.error ? <ErrorBanner error={connect.error} /> : null}
    </section>
  );
}
