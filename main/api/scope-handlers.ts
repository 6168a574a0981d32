import { getBucketRegion, listBuckets } from '../aws/s3';
import type { HandlerContext } from './handler-context';

/** scope.buckets: the account's buckets to pick from (s3:ListAllMyBuckets). */
export async function listBucketsHandler(ctx: HandlerContext): Promise<{ readonly buckets: ReadonlyArray<{ readonly name: string }> }> {
  ctx.progress('Listing buckets');
  const buckets = await listBuckets(ctx.workspace.target(), ctx.signal);
  return { buckets: buckets.map((b) => ({ name: b.name })) };
}

/** scope.bucketRegion: where the bucket lives (GetBucketLocation; null/'' means us-east-1), null when it does not exist; only a bucket of the expected owner answers. */
export async function bucketRegionHandler(
  bucket: string,
  owner: string | undefined,
  ctx: HandlerContext,
): Promise<{ readonly bucket: string; readonly region: string | null }> {
  ctx.progress(`Finding the Region of bucket ${bucket}`);
  const target = ctx.workspace.target();
  // The bucket must belong to the connected account, or to the owner the admin confirmed (ExpectedBucketOwner).
  return { bucket, region: await getBucketRegion(target, { name: bucket, owner: owner ?? target.connection.accountId }, ctx.signal) };
}
