import { useEffect } from 'react';
import { useOperation } from '../api/use-operation';

/** How long typing must pause before the bucket's Region is looked up. */
const DEBOUNCE_MS = 400;

/** Looks up a bucket's Region (s3:GetBucketLocation, sent with the expected owner) once its name is valid and the admin stops typing. */
export function useBucketRegion(bucket: string, valid: boolean, owner = '') {
  const op = useOperation('scope.bucketRegion', { background: true });
  const { run, reset } = op;
  useEffect(() => {
    if (!valid) {
      reset();
      return;
    }
    const timer = setTimeout(() => void run({ bucket, ...(/^\d{12}$/.test(owner) ? { bucketOwner: owner } : {}) }), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [bucket, valid, owner, run, reset]);
  const current = op.value?.bucket === bucket ? op.value : null;
  return {
    loading: op.loading || (valid && current === null && op.error === null),
    error: op.error,
    /** undefined: not known yet; null: no such bucket; else the Region. */
    region: current ? current.region : undefined,
    progress: op.progress,
    elapsedMs: op.elapsedMs,
    cancel: op.cancel,
  } as const;
}
