#!/usr/bin/env bash
# The platform guide's AWS-side procedure (steps 1-5: queue, queue policy, bucket notification, role, permissions;
# with STEP6=1 also step 6, its upload-and-receive check),
# transcribed command for command as a bash script of AWS CLI + jq calls. It is the baseline `npm run bench` times
# `sqs-s3-wizard apply` against. AWS CLI v1 ignores AWS_ENDPOINT_URL for SQS, so every call gets --endpoint-url.
set -euo pipefail
: "${AWS_REGION:?}" "${BUCKET_NAME:?}" "${QUEUE_NAME:?}" "${ROLE_NAME:?}" "${PLATFORM_SETUP_ROLE_ARN:?}" "${PLATFORM_LOAD_ROLE_ARN:?}" "${EXTERNAL_ID:?}"
PREFIX="${PREFIX:-}"
SUFFIX="${SUFFIX:-}"
EP=()
if [ -n "${AWS_ENDPOINT_URL:-}" ]; then EP=(--endpoint-url "$AWS_ENDPOINT_URL"); fi
WORK="$(mktemp -d)"
cd "$WORK"

export AWS_ACCOUNT_ID=$(aws "${EP[@]}" sts get-caller-identity --query Account --output text)
export BUCKET_ARN="arn:aws:s3:::$BUCKET_NAME"

# Step 1: queue
aws "${EP[@]}" sqs create-queue --region "$AWS_REGION" --queue-name "$QUEUE_NAME" > /dev/null
QUEUE_URL=$(aws "${EP[@]}" sqs get-queue-url --region "$AWS_REGION" --queue-name "$QUEUE_NAME" --query 'QueueUrl' --output text)
QUEUE_ARN=$(aws "${EP[@]}" sqs get-queue-attributes --region "$AWS_REGION" --queue-url "$QUEUE_URL" --attribute-names QueueArn --query 'Attributes.QueueArn' --output text)

# Step 2: queue policy
aws "${EP[@]}" sqs get-queue-attributes --region "$AWS_REGION" --queue-url "$QUEUE_URL" --attribute-names Policy QueueArn > "sqs-attributes.backup.$(date +%Y%m%d-%H%M%S).json"
jq -n --arg policyId "$QUEUE_NAME-policy" --arg queueArn "$QUEUE_ARN" --arg bucketArn "$BUCKET_ARN" --arg accountId "$AWS_ACCOUNT_ID" \
  '{Version: "2012-10-17", Id: $policyId, Statement: [{Sid: "AllowS3ToSendMessage", Effect: "Allow", Principal: {Service: "s3.amazonaws.com"}, Action: "sqs:SendMessage", Resource: $queueArn, Condition: {ArnLike: {"aws:SourceArn": $bucketArn}, StringEquals: {"aws:SourceAccount": $accountId}}}]}' > queue-policy.json
jq -n --arg policy "$(jq -c . queue-policy.json)" '{Policy: $policy}' > set-queue-attributes.json
aws "${EP[@]}" sqs set-queue-attributes --region "$AWS_REGION" --queue-url "$QUEUE_URL" --attributes file://set-queue-attributes.json

# Step 3: bucket notification
aws "${EP[@]}" s3api get-bucket-notification-configuration --region "$AWS_REGION" --bucket "$BUCKET_NAME" > "bucket-notification.backup.$(date +%Y%m%d-%H%M%S).json"
jq -n --arg id "$QUEUE_NAME" --arg queueArn "$QUEUE_ARN" --arg prefix "$PREFIX" --arg suffix "$SUFFIX" \
  '{QueueConfigurations: [({Id: $id, QueueArn: $queueArn, Events: ["s3:ObjectCreated:*"]} + ([if $prefix != "" then {Name: "prefix", Value: $prefix} else empty end, if $suffix != "" then {Name: "suffix", Value: $suffix} else empty end] as $rules | if ($rules | length) > 0 then {Filter: {Key: {FilterRules: $rules}}} else {} end))]}' > bucket-notification.json
aws "${EP[@]}" s3api put-bucket-notification-configuration --region "$AWS_REGION" --bucket "$BUCKET_NAME" --notification-configuration file://bucket-notification.json
aws "${EP[@]}" s3api get-bucket-notification-configuration --region "$AWS_REGION" --bucket "$BUCKET_NAME" > /dev/null

# Step 4: role
jq -n --arg platformSetupRoleArn "$PLATFORM_SETUP_ROLE_ARN" --arg platformLoadRoleArn "$PLATFORM_LOAD_ROLE_ARN" --arg externalId "$EXTERNAL_ID" \
  '{Version: "2012-10-17", Statement: [{Sid: "AllowPlatformSetupAssumeRole", Effect: "Allow", Principal: {AWS: $platformSetupRoleArn}, Action: "sts:AssumeRole", Condition: {StringEquals: {"sts:ExternalId": $externalId}}}, {Sid: "AllowPlatformLoadAssumeRole", Effect: "Allow", Principal: {AWS: $platformLoadRoleArn}, Action: "sts:AssumeRole", Condition: {StringEquals: {"sts:ExternalId": $externalId}}}]}' > trust-policy.json
aws "${EP[@]}" iam create-role --role-name "$ROLE_NAME" --assume-role-policy-document file://trust-policy.json > /dev/null

# Step 5: permissions
jq -n --arg bucketArn "$BUCKET_ARN" --arg objectArn "$BUCKET_ARN/*" --arg queueArn "$QUEUE_ARN" \
  '{Version: "2012-10-17", Statement: [{Sid: "S3BucketMetadataAccess", Effect: "Allow", Action: ["s3:GetBucketLocation", "s3:ListBucket"], Resource: $bucketArn}, {Sid: "S3ObjectReadAccess", Effect: "Allow", Action: ["s3:GetObject"], Resource: $objectArn}, {Sid: "SQSConsumeAccess", Effect: "Allow", Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"], Resource: $queueArn}]}' > permissions-policy.json
aws "${EP[@]}" iam put-role-policy --role-name "$ROLE_NAME" --policy-name platform-s3-sqs-access --policy-document file://permissions-policy.json
aws "${EP[@]}" iam get-role --role-name "$ROLE_NAME" --query 'Role.Arn' --output text > /dev/null

# Step 6 (with STEP6=1): verify S3 to SQS as the guide does: upload a matching object, receive its event, check it.
if [ "${STEP6:-0}" = 1 ]; then
  echo 'a,b' > sqs-s3-local-test.csv
  KEY="${PREFIX}sqs-s3-local-test-$(date +%s)$SUFFIX"
  aws "${EP[@]}" s3 cp sqs-s3-local-test.csv "s3://$BUCKET_NAME/$KEY" --region "$AWS_REGION" > /dev/null
  FOUND=0
  for _ in 1 2 3 4 5 6; do
    aws "${EP[@]}" sqs receive-message --region "$AWS_REGION" --queue-url "$QUEUE_URL" --max-number-of-messages 1 --wait-time-seconds 10 \
      --visibility-timeout 60 > message.json
    if jq -e --arg b "$BUCKET_NAME" '.Messages[0].Body | fromjson | .Records[0] | .eventSource == "aws:s3" and (.eventName | startswith("ObjectCreated:")) and .s3.bucket.name == $b' message.json > /dev/null 2>&1; then FOUND=1; break; fi
  done
  [ "$FOUND" = 1 ] || { echo "step 6: no event received" >&2; exit 1; }
fi
rm -rf "$WORK"
