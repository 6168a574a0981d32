import { PERMISSIONS_POLICY_NAME } from '../policy/build-permissions-policy';
import type { Setup } from '../setup/setup';
import { APPLY_SCRIPT_HELPERS } from './apply-script-helpers';
import { shellQuote } from './shell-quote';

/** What apply.sh is generated from. */
export interface ApplyScriptInput {
  readonly setup: Setup;
  readonly accountId: string;
  readonly merged: boolean;
  readonly exportedAt: string;
}

function header(input: ApplyScriptInput): string {
  const { setup } = input;
  const how = input.merged
    ? `merged with the live documents read at ${input.exportedAt} (kept in base/)`
    : `made OFFLINE at ${input.exportedAt}: NOT merged with the live documents, so it only runs where they are still empty`;
  return `#!/usr/bin/env bash
# apply.sh: setup ${JSON.stringify(setup.name)} for account ${input.accountId} in ${setup.region}; ${how}.
# The platform guide's steps 1-5 as AWS CLI commands, merging instead of replacing: it backs up every live document
# first (backups/), stops with nothing written if any of them changed since the export, then writes in the guide's order.
# Run: AWS_PROFILE=<profile> ./apply.sh   (needs bash, the AWS CLI v1 or v2 and jq; honours AWS_ENDPOINT_URL)
set -euo pipefail
shopt -s inherit_errexit

REGION=${shellQuote(setup.region)}
ACCOUNT_ID=${shellQuote(input.accountId)}
BUCKET=${shellQuote(setup.bucket)}
# S3 refuses (403) when another account owns a bucket of this name: docs/aws-behaviour.md#s3-buckets.
BUCKET_OWNER=${shellQuote(setup.bucketOwner ?? input.accountId)}
QUEUE_NAME=${shellQuote(setup.queueName)}
ROLE_NAME=${shellQuote(setup.roleName)}
POLICY_NAME=${shellQuote(PERMISSIONS_POLICY_NAME)}
EXTERNAL_ID=${shellQuote(setup.externalId)}
MERGED=${input.merged ? 'yes' : 'no'}

HERE="$(cd "$(dirname "\${BASH_SOURCE[0]}")" && pwd)"
BACKUPS="$HERE/backups"
export AWS_PAGER=''
for tool in aws jq; do command -v "$tool" >/dev/null || { echo "error: $tool is not installed" >&2; exit 2; }; done
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
`;
}

const PREFLIGHT = `
# --- account check, backups, drift check: nothing is written unless every live document is still the one this
# --- export was made from (or already the exported one) --------------------------------------------------------
echo "Profile: \${AWS_PROFILE:-default}; Region: $REGION"
CALLER_ACCOUNT=$(aws_ sts get-caller-identity --region "$REGION" --query Account --output text)
[ "$CALLER_ACCOUNT" = "$ACCOUNT_ID" ] || fail "these files are for account $ACCOUNT_ID, but the credentials are for $CALLER_ACCOUNT."

mkdir -p -m 700 "$BACKUPS"
STAMP=$(date -u +%Y%m%d-%H%M%S)
while [ -e "$BACKUPS/bucket-notification.backup.$STAMP.json" ]; do sleep 1; STAMP=$(date -u +%Y%m%d-%H%M%S); done
QUEUE_URL=$(fetch_queue_url)
fetch_queue_attributes > "$BACKUPS/sqs-attributes.backup.$STAMP.json"
fetch_notification > "$BACKUPS/bucket-notification.backup.$STAMP.json"
fetch_trust_policy > "$BACKUPS/trust-policy.backup.$STAMP.json"
fetch_permissions_policy > "$BACKUPS/permissions-policy.backup.$STAMP.json"
echo "Backed up the live documents: $BACKUPS/*.backup.$STAMP.json"

QUEUE_POLICY_STATE=$(state_of "$QUEUE_LIVE_FORM" "$POLICY_FORM" "$BACKUPS/sqs-attributes.backup.$STAMP.json" queue-policy.json)
NOTIFICATION_STATE=$(state_of "$NOTIFICATION_FORM" "$NOTIFICATION_FORM" "$BACKUPS/bucket-notification.backup.$STAMP.json" bucket-notification.json)
TRUST_STATE=$(state_of "$POLICY_FORM" "$POLICY_FORM" "$BACKUPS/trust-policy.backup.$STAMP.json" trust-policy.json)
PERMISSIONS_STATE=$(state_of "$POLICY_FORM" "$POLICY_FORM" "$BACKUPS/permissions-policy.backup.$STAMP.json" permissions-policy.json)
DRIFT=0
check_state "queue policy of $QUEUE_NAME" "$QUEUE_POLICY_STATE" queue-policy.json
check_state "notification configuration of bucket $BUCKET" "$NOTIFICATION_STATE" bucket-notification.json
check_state "trust policy of role $ROLE_NAME" "$TRUST_STATE" trust-policy.json
check_state "inline policy $POLICY_NAME of role $ROLE_NAME" "$PERMISSIONS_STATE" permissions-policy.json
# An SNS fan-out (fan-out.sh, when this export resolves an overlap with one): the other teams' queue policies it changes.
if [ -f "$HERE/fan-out.sh" ]; then source "$HERE/fan-out.sh"; fan_out_preflight; fi
[ "$DRIFT" -eq 0 ] || fail "nothing was written ($DRIFT document(s) differ from this export)."
`;

const WRITES = `
# --- writes, in the platform guide's order (the queue policy before the notification: S3 validates the destination) ---
echo "1/5 SQS queue $QUEUE_NAME"
if [ "$QUEUE_URL" = null ]; then
  QUEUE_URL=$(aws_ sqs create-queue --region "$REGION" --queue-name "$QUEUE_NAME" --query QueueUrl --output text)
  echo "  created $QUEUE_URL"
else
  echo "  exists, reused: $QUEUE_URL"
fi
QUEUE_ARN=$(aws_ sqs get-queue-attributes --region "$REGION" --queue-url "$QUEUE_URL" --attribute-names QueueArn --query Attributes.QueueArn --output text)

echo "2/5 queue policy"
if [ "$QUEUE_POLICY_STATE" = done ]; then echo "  already as exported: no change"; else
  jq -n --arg policy "$(jq -c . "$HERE/queue-policy.json")" '{Policy: $policy}' > "$WORK/set-queue-attributes.json"
  aws_ sqs set-queue-attributes --region "$REGION" --queue-url "$QUEUE_URL" --attributes "file://$WORK/set-queue-attributes.json"
  echo "  written"
fi

# The fan-out goes before the notification that points the rules at its topic (S3 validates the destination).
if [ -f "$HERE/fan-out.sh" ]; then fan_out_write; fi

echo "3/5 bucket notification of $BUCKET"
if [ "$NOTIFICATION_STATE" = done ]; then echo "  already as exported: no change"; else
  aws_ s3api put-bucket-notification-configuration --region "$REGION" --bucket "$BUCKET" --expected-bucket-owner "$BUCKET_OWNER" \\
    --notification-configuration "file://$HERE/bucket-notification.json"
  echo "  written"
fi

echo "4/5 role $ROLE_NAME and its trust policy"
if [ "$TRUST_STATE" = done ]; then echo "  already as exported: no change"
elif [ "$(comparable "$POLICY_FORM" "$BACKUPS/trust-policy.backup.$STAMP.json")" = null ]; then
  aws_ iam create-role --region "$REGION" --role-name "$ROLE_NAME" --assume-role-policy-document "file://$HERE/trust-policy.json" > /dev/null
  echo "  role created"
else
  aws_ iam update-assume-role-policy --region "$REGION" --role-name "$ROLE_NAME" --policy-document "file://$HERE/trust-policy.json"
  echo "  trust policy updated"
fi

echo "5/5 inline policy $POLICY_NAME"
if [ "$PERMISSIONS_STATE" = done ]; then echo "  already as exported: no change"; else
  aws_ iam put-role-policy --region "$REGION" --role-name "$ROLE_NAME" --policy-name "$POLICY_NAME" \\
    --policy-document "file://$HERE/permissions-policy.json"
  echo "  written"
fi
`;

const READ_BACK = `
# --- read back, then the values to register on the platform ---------------------------------------------------------
echo "Reading back"
fetch_queue_attributes > "$WORK/after-sqs.json"
fetch_notification > "$WORK/after-notification.json"
fetch_trust_policy > "$WORK/after-trust.json"
fetch_permissions_policy > "$WORK/after-permissions.json"
verify "queue policy" "$QUEUE_LIVE_FORM" "$POLICY_FORM" "$WORK/after-sqs.json" queue-policy.json
verify "bucket notification" "$NOTIFICATION_FORM" "$NOTIFICATION_FORM" "$WORK/after-notification.json" bucket-notification.json
verify "trust policy" "$POLICY_FORM" "$POLICY_FORM" "$WORK/after-trust.json" trust-policy.json
verify "permissions policy" "$POLICY_FORM" "$POLICY_FORM" "$WORK/after-permissions.json" permissions-policy.json
ROLE_ARN=$(aws_ iam get-role --region "$REGION" --role-name "$ROLE_NAME" --query Role.Arn --output text)
echo
echo "Register on the platform:"
echo "  Region       $REGION"
echo "  Queue URL    $QUEUE_URL"
echo "  Queue ARN    $QUEUE_ARN"
echo "  Role ARN     $ROLE_ARN"
echo "  External ID  $EXTERNAL_ID"
`;

/**
 * apply.sh: the platform guide's AWS CLI procedure (steps 1-5) for the exported documents, with backups first and a
 * drift guard against base/ so a document someone else changed after the export is never overwritten.
 */
export function applyScript(input: ApplyScriptInput): string {
  return [header(input), APPLY_SCRIPT_HELPERS, PREFLIGHT, WRITES, READ_BACK].join('');
}
