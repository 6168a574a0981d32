// Benchmark: merge + diff of a bucket notification document holding 1,000 existing configurations.
// A plain script: bundled with esbuild and run with node by the project's bench runner.
import { diffDocuments } from '../shared/diff/diff-documents';
import { buildQueueConfiguration } from '../shared/policy/build-bucket-notification';
import { mergeBucketNotification } from '../shared/policy/merge-bucket-notification';
import type { BucketNotificationDocument, QueueConfiguration } from '../shared/policy/notification-document';

const CONFIGURATIONS = 1000;
const RUNS = 40;
const TARGET_MS = 50;

function existingDocument(): BucketNotificationDocument {
  const queues: QueueConfiguration[] = [];
  for (let i = 0; i < CONFIGURATIONS; i++) {
    queues.push({
      Id: `tenant-${i}`,
      QueueArn: `arn:aws:sqs:us-east-1:123456789012:tenant-${i}`,
      Events: i % 2 === 0 ? ['s3:ObjectCreated:*'] : ['s3:ObjectCreated:Put', 's3:ObjectRemoved:*'],
      Filter: {
        Key: {
          FilterRules: [
            { Name: 'Prefix', Value: `tenants/${i}/` },
            { Name: 'Suffix', Value: '.parquet' },
          ],
        },
      },
    });
  }
  return { QueueConfigurations: queues, EventBridgeConfiguration: {} };
}

const current = existingDocument();
const ours = buildQueueConfiguration({
  queueName: 'orders-events',
  queueArn: 'arn:aws:sqs:us-east-1:123456789012:orders-events',
  prefix: 'incoming/',
  suffix: '.csv',
});

function once(): number {
  const start = performance.now();
  const merged = mergeBucketNotification(current, ours);
  if (!merged.ok) throw new Error(`benchmark setup is wrong: ${merged.error.message}`);
  const diff = diffDocuments(current, merged.document);
  if (diff.lines.length === 0) throw new Error('benchmark setup is wrong: empty diff');
  return performance.now() - start;
}

for (let i = 0; i < 5; i++) once();
const times = Array.from({ length: RUNS }, once).sort((a, b) => a - b);
const median = ((times[RUNS / 2 - 1] ?? 0) + (times[RUNS / 2] ?? 0)) / 2;
const verdict = median < TARGET_MS ? 'PASS' : 'FAIL';
console.log(`policy engine: merge + diff, 1,000 notification configurations: median ${median.toFixed(1)} ms ` + `(target < ${TARGET_MS} ms) ${verdict}`);
