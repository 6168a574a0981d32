import { partitionOfRegion, type Partition } from './arns';

/** The DNS suffix of a partition's endpoints: China's Regions answer under amazonaws.com.cn (docs/aws-behaviour.md#partitions). */
export const PARTITION_DNS_SUFFIX: Readonly<Record<Partition, string>> = {
  aws: 'amazonaws.com',
  'aws-cn': 'amazonaws.com.cn',
  'aws-us-gov': 'amazonaws.com',
};

/** Regional services whose endpoint the wizard names (the connection step shows STS's; the export predicts SQS's). */
export type RegionalService = 'sts' | 'sqs' | 's3' | 'sns' | 'lambda';

/** A service's regional endpoint, e.g. https://sqs.cn-north-1.amazonaws.com.cn (AWS General Reference, "Service endpoints"). */
export function regionalEndpoint(service: RegionalService, region: string): string {
  return `https://${service}.${region}.${PARTITION_DNS_SUFFIX[partitionOfRegion(region)]}`;
}

/**
 * The principal an AWS service acts as in a policy. Service principals are `<service>.amazonaws.com` in every
 * partition, China and GovCloud included; only a few services have regional ones, S3 and SNS not among them
 * (docs/aws-behaviour.md#partitions).
 */
export function servicePrincipal(service: 's3' | 'sns', partition: Partition): string {
  void partition;
  return `${service}.amazonaws.com`;
}
