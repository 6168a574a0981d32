import type { RestorePlan } from '../../../shared/steps/step-plan';
import { ErrorBanner } from '../components/error-banner';

/**
 * What a restore does to the part of the setup that owns the backup: a warning when the backup as it is takes the
 * setup's statement or rule out (delivery to the platform stops), with "Restore the others' parts, keep ours" beside
 * it; once chosen, what the diff now shows and the way back to the exact backup.
 */
export function OwnPartNotice({ plan, onKeepOurs }: { readonly plan: RestorePlan; readonly onKeepOurs: (keep: boolean) => void }) {
  const own = plan.ownPart;
  if (!own) return null;
  if (plan.keepOurs) {
    return (
      <div className="banner ok own-part" role="status" data-testid="restore-keeping-ours">
        <p>
          <strong>Restoring the others&apos; parts, keeping ours.</strong> The Backup side below is the backup&apos;s document with the part of setup{' '}
          {own.setupName} kept as it is now, so delivery to the platform goes on.
        </p>
        <div className="actions">
          <button type="button" className="secondary" onClick={() => onKeepOurs(false)} data-testid="restore-exactly">
            Restore the backup exactly instead
          </button>
        </div>
      </div>
    );
  }
  if (!own.removesOurs) return null;
  return (
    <div className="banner warn own-part" data-testid="restore-removes-ours">
      <p role="alert">
        <strong>Restoring this backup as it is takes out the part of setup {own.setupName}:</strong> {own.consequence}
      </p>
      {own.keepOursRefused ? (
        <>
          <p>The others&apos; parts cannot be restored with ours kept:</p>
          <ErrorBanner error={own.keepOursRefused} />
        </>
      ) : (
        <div className="actions">
          <button type="button" onClick={() => onKeepOurs(true)} data-testid="restore-keep-ours">
            Restore the others&apos; parts, keep ours
          </button>
        </div>
      )}
    </div>
  );
}
