import type { FanOutDocument } from '../fanout/fan-out-document';
import { TOPIC_TO_FUNCTION_STATEMENT_ID } from '../fanout/fan-out-policies';
import { arnResourceName } from '../policy/arns';
import { shellQuote } from './shell-quote';

/** The export's file of the SNS fan-out: the document the SNS fan-out step would write, and the commands apply.sh sources. */
export const FAN_OUT_FILES = { document: 'sns-fan-out.json', script: 'fan-out.sh' } as const;

/**
 * fan-out.sh, sourced by apply.sh: `fan_out_preflight` backs up and drift-checks the other teams' queue policies the
 * fan-out changes (against base/sns-fan-out.json), `fan_out_write` creates the topic, writes its policy, lets it reach
 * each other destination and subscribes each with raw delivery and its filter, all before the bucket notification
 * points the rules at the topic (the SNS fan-out step's order; docs/aws-behaviour.md#sns-fan-out).
 */
export function fanOutScript(document: FanOutDocument, topicArn: string): string {
  const queues = Object.keys(document.QueuePolicies);
  const functions = Object.keys(document.FunctionPolicies);
  const q = (arn: string) => shellQuote(arn);
  const lines = [
    "# fan-out.sh: the SNS fan-out that resolves this setup's overlapping rule; apply.sh sources it (do not run it alone).",
    `TOPIC_ARN=${shellQuote(topicArn)}`,
    `TOPIC_NAME=${shellQuote(arnResourceName(topicArn) ?? topicArn)}`,
    '',
    '# queue_policy_of ARN: the live policy of a queue of this account (null when it has none).',
    'queue_policy_of() {',
    '  local url',
    '  url=$(aws_ sqs get-queue-url --region "$REGION" --queue-name "${1##*:}" --query QueueUrl --output text)',
    '  aws_ sqs get-queue-attributes --region "$REGION" --queue-url "$url" --attribute-names Policy | jq -S -c "$QUEUE_LIVE_FORM"',
    '}',
    '',
    'fan_out_preflight() {',
    ...queues.flatMap((arn) => [
      `  queue_policy_of ${q(arn)} > "$BACKUPS/fan-out-queue-policy.${arnResourceName(arn) ?? 'queue'}.backup.$STAMP.json"`,
      `  local live base target`,
      `  live=$(cat "$BACKUPS/fan-out-queue-policy.${arnResourceName(arn) ?? 'queue'}.backup.$STAMP.json")`,
      `  base=$(jq -S -c --arg a ${q(arn)} '.QueuePolicies[$a] // null' "$HERE/base/${FAN_OUT_FILES.document}")`,
      `  target=$(jq -S -c --arg a ${q(arn)} '.QueuePolicies[$a] // null' "$HERE/${FAN_OUT_FILES.document}")`,
      `  if [ "$live" != "$base" ] && [ "$live" != "$target" ]; then DRIFT=$((DRIFT + 1)); echo "error: the policy of queue ${arn} changed since this export was made; export again." >&2; fi`,
    ]),
    '  return 0',
    '}',
    '',
    'fan_out_write() {',
    '  echo "   SNS fan-out: topic $TOPIC_ARN"',
    '  aws_ sns create-topic --region "$REGION" --name "$TOPIC_NAME" > /dev/null',
    `  aws_ sns set-topic-attributes --region "$REGION" --topic-arn "$TOPIC_ARN" --attribute-name Policy --attribute-value "$(jq -c '.Topic.Policy' "$HERE/${FAN_OUT_FILES.document}")"`,
    ...queues.flatMap((arn) => [
      `  local url`,
      `  url=$(aws_ sqs get-queue-url --region "$REGION" --queue-name ${shellQuote(arnResourceName(arn) ?? arn)} --query QueueUrl --output text)`,
      `  jq -n --arg policy "$(jq -c --arg a ${q(arn)} '.QueuePolicies[$a]' "$HERE/${FAN_OUT_FILES.document}")" '{Policy: $policy}' > "$WORK/fan-out-queue.json"`,
      `  aws_ sqs set-queue-attributes --region "$REGION" --queue-url "$url" --attributes "file://$WORK/fan-out-queue.json"`,
      `  echo "   the topic may send to ${arn}"`,
    ]),
    ...functions.flatMap((arn) => [
      `  aws_ lambda add-permission --region "$REGION" --function-name ${q(arn)} --statement-id ${shellQuote(TOPIC_TO_FUNCTION_STATEMENT_ID)} \\`,
      `    --action lambda:InvokeFunction --principal sns.amazonaws.com --source-arn "$TOPIC_ARN" > /dev/null 2>"$WORK/stderr" || grep -q ResourceConflict "$WORK/stderr"`,
      `  echo "   the topic may invoke ${arn}"`,
    ]),
    '  local i',
    `  for i in $(jq -r '.Subscriptions | keys[]' "$HERE/${FAN_OUT_FILES.document}"); do`,
    `    jq --argjson i "$i" '.Subscriptions[$i] | {FilterPolicyScope, FilterPolicy: (.FilterPolicy | tojson)} + (if .Protocol == "sqs" then {RawMessageDelivery: (.RawMessageDelivery | tostring)} else {} end)' \\`,
    `      "$HERE/${FAN_OUT_FILES.document}" > "$WORK/fan-out-attributes.json"`,
    `    aws_ sns subscribe --region "$REGION" --topic-arn "$TOPIC_ARN" --return-subscription-arn \\`,
    `      --protocol "$(jq -r --argjson i "$i" '.Subscriptions[$i].Protocol' "$HERE/${FAN_OUT_FILES.document}")" \\`,
    `      --notification-endpoint "$(jq -r --argjson i "$i" '.Subscriptions[$i].Endpoint' "$HERE/${FAN_OUT_FILES.document}")" \\`,
    `      --attributes "file://$WORK/fan-out-attributes.json" > /dev/null`,
    '  done',
    '  echo "   subscriptions written"',
    '}',
    '',
  ];
  return lines.join('\n');
}
