import { getBucketRegion, listBuckets } from '../aws/s3';
import type { HandlerContext } from './handler-context';

/** scope.buckets: the account's buckets to pick from (s3:ListAllMyBuckets). */
export async function listBucketsHandler(ctx: HandlerContext): Promise<{ readonly buckets: ReadonlyArray<{ readonly name: string }> }> {
  ctx.progress('Listing buckets');
  const buckets = await listBuckets(ctx.workspace.target(), ctx.signal);
  return { buckets: buckets.map((b) => ({ name: b.name })) };
}

/** scope.bucketRegion: where the bucket lives (GetBucketLocation; null/'' means us-east-1), null when it does not exist. */
export async function bucketRegionHandler(bucket: string, ctx: HandlerContext): Promise<{ readonly bucket: string; readonly region: string | null }> {
  ctx.progress(`Finding the Region of bucket ${bucket}`);
  return { bucket, region: await getBucketRegion(ctx.workspace.target(), bucket, ctx.signal) };
}
