import { ApiFailure } from '../../shared/contract/api-error';
import { toApiError } from '../aws/aws-errors';
import { getBucketRegion, listBuckets } from '../aws/s3';
import type { HandlerContext } from './handler-context';

/** scope.buckets: the account's buckets to pick from (s3:ListAllMyBuckets). */
export async function listBucketsHandler(ctx: HandlerContext): Promise<{ readonly buckets: ReadonlyArray<{ readonly name: string }> }> {
  ctx.progress('Listing buckets');
  try {
    const buckets = await listBuckets(ctx.session.target(), ctx.signal);
    return { buckets: buckets.map((b) => ({ name: b.name })) };
  } catch (err) {
    throw new ApiFailure(toApiError(err, { action: 's3:ListAllMyBuckets' }));
  }
}

/** scope.bucketRegion: where the bucket lives (GetBucketLocation; null/'' means us-east-1), null when it does not exist. */
export async function bucketRegionHandler(bucket: string, ctx: HandlerContext): Promise<{ readonly bucket: string; readonly region: string | null }> {
  ctx.progress(`Finding the Region of bucket ${bucket}`);
  return { bucket, region: await getBucketRegion(ctx.session.target(), bucket, ctx.signal) };
}
