import { useEffect } from 'react';
import type { ApiError } from '../../../shared/contract/api-error';
import { useOperation } from '../api/use-operation';
import { ErrorBanner } from '../components/error-banner';
import { ProgressLine } from '../components/progress-line';
import { TextField } from './text-field';
import type { useBucketRegion } from './use-bucket-region';
import { countOf } from '../../../shared/util/count-of';

/** A failed look-up does not stop the admin: the message says what still works. */
function softError(error: ApiError, what: string, fallback: string): ApiError {
  return { ...error, message: `${what}: ${error.message}`, fix: `${error.fix ?? ''} ${fallback}`.trim() };
}

/** Props of the bucket and Region fields. */
export interface BucketFieldsProps {
  readonly bucket: string;
  readonly region: string;
  readonly bucketError: string | null;
  readonly regionError: string | null;
  readonly lookup: ReturnType<typeof useBucketRegion>;
  readonly disabled: boolean;
  readonly onBucket: (value: string) => void;
  readonly onRegion: (value: string) => void;
}

/** The bucket, picked from ListBuckets or typed, and the Region, with the bucket's own Region offered when it differs. */
export function BucketFields({ bucket, region, bucketError, regionError, lookup, disabled, onBucket, onRegion }: BucketFieldsProps) {
  const listing = useOperation('scope.buckets', { background: true });
  const { run } = listing;
  useEffect(() => {
    void run({});
  }, [run]);
  const names = listing.value?.buckets.map((b) => b.name) ?? [];
  const bucketHelp = lookup.region
    ? `Bucket found; it is in ${lookup.region}.`
    : names.length > 0
      ? `Pick one of the account's ${countOf(names.length, 'bucket')} from the list, or type a name.`
      : 'The bucket whose new objects are ingested: type its name.';
  const offer = lookup.region && lookup.region !== region ? lookup.region : null;

  return (
    <>
      <TextField
        id="scope-bucket"
        label="Bucket"
        value={bucket}
        onChange={(v) => onBucket(v.trim())}
        error={bucketError}
        help={bucketHelp}
        disabled={disabled}
        list="bucket-options"
      />
      <datalist id="bucket-options">
        {names.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {listing.loading ? <ProgressLine message={listing.progress ?? 'Listing buckets'} elapsedMs={listing.elapsedMs} onCancel={listing.cancel} /> : null}
      {listing.error && listing.error.code !== 'CANCELLED' ? (
        <div className="form-wide">
          <ErrorBanner error={softError(listing.error, 'The bucket list is not available', 'You can still type the bucket name.')} />
        </div>
      ) : null}
      {lookup.progress !== null ? <ProgressLine message={lookup.progress} elapsedMs={lookup.elapsedMs} onCancel={lookup.cancel} /> : null}
      {lookup.error && lookup.error.code !== 'CANCELLED' ? (
        <div className="form-wide">
          <ErrorBanner error={softError(lookup.error, "The bucket's Region could not be read", "Check the Region yourself: it must be the bucket's.")} />
        </div>
      ) : null}
      <TextField
        id="scope-region"
        label="Region"
        value={region}
        onChange={(v) => onRegion(v.trim())}
        error={regionError}
        help="Where the bucket is; the queue is created in the same Region."
        disabled={disabled}
      />
      {offer ? (
        <div className="form-inline-action">
          <button type="button" className="secondary small" onClick={() => onRegion(offer)} disabled={disabled}>
            Use {offer}, the bucket&apos;s Region
          </button>
        </div>
      ) : null}
    </>
  );
}
