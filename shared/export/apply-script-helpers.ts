/**
 * The shell functions of apply.sh. Documents are compared in a "comparable form" made with jq: absent = null, keys
 * sorted (jq -S), a policy given as JSON text parsed, and for the notification no empty lists and filter rule names
 * in lower case (AWS answers "Prefix" to a rule sent as "prefix": the same rule).
 */
export const APPLY_SCRIPT_HELPERS = `
# --- helpers -------------------------------------------------------------------------------------------------
POLICY_FORM='if . == null or . == "" then null elif type == "string" then fromjson else . end'
QUEUE_LIVE_FORM="(. // {}) | .Attributes.Policy // null | $POLICY_FORM"
NOTIFICATION_FORM='(. // {}) | del(.ResponseMetadata) | with_entries(select(.value != null and .value != []))
  | (.. | objects | select(has("FilterRules")) | .FilterRules) |= (map(.Name |= ascii_downcase) | sort_by(.Name))'

fail() { echo "error: $*" >&2; exit 1; }

# Every aws call: adds --endpoint-url when AWS_ENDPOINT_URL is set (AWS CLI v1 ignores that variable).
aws_() {
  if [ -n "\${AWS_ENDPOINT_URL:-}" ]; then aws --endpoint-url "$AWS_ENDPOINT_URL" "$@"; else aws "$@"; fi
}

# aws_or_null PATTERN ARGS...: runs aws; prints null instead when it failed because the resource does not exist.
aws_or_null() {
  local missing="$1" status=0
  shift
  aws_ "$@" 2>"$WORK/stderr" || status=$?
  if [ "$status" -eq 0 ]; then return 0; fi
  if grep -Eq "$missing" "$WORK/stderr"; then echo null; return 0; fi
  cat "$WORK/stderr" >&2
  return "$status"
}

# The live documents as the AWS CLI prints them (these are the backups); null when the resource does not exist.
fetch_queue_url() {
  aws_or_null 'NonExistentQueue|QueueDoesNotExist' sqs get-queue-url --region "$REGION" --queue-name "$QUEUE_NAME" --query QueueUrl --output text
}
fetch_queue_attributes() {
  if [ "$QUEUE_URL" = null ]; then echo null; return 0; fi
  aws_ sqs get-queue-attributes --region "$REGION" --queue-url "$QUEUE_URL" --attribute-names Policy QueueArn
}
fetch_notification() {
  aws_ s3api get-bucket-notification-configuration --region "$REGION" --bucket "$BUCKET" --expected-bucket-owner "$BUCKET_OWNER"
}
fetch_trust_policy() {
  aws_or_null NoSuchEntity iam get-role --region "$REGION" --role-name "$ROLE_NAME" --query Role.AssumeRolePolicyDocument --output json
}
fetch_permissions_policy() {
  aws_or_null NoSuchEntity iam get-role-policy --region "$REGION" --role-name "$ROLE_NAME" --policy-name "$POLICY_NAME" \\
    --query PolicyDocument --output json
}

# comparable FILTER FILE: the file's document in comparable form on one line (an empty file reads as null).
comparable() { jq -S -c -n "[inputs][0] | $1" "$2"; }

# state_of LIVE_FILTER FILTER LIVE_FILE NAME: "done" when the live document already is the exported NAME, "base" when
# it is still the one this export was merged with (base/NAME), otherwise "drift".
state_of() {
  local live base target
  live=$(comparable "$1" "$3")
  base=$(comparable "$2" "$HERE/base/$4")
  target=$(comparable "$2" "$HERE/$4")
  if [ "$live" = "$target" ]; then echo done; elif [ "$live" = "$base" ]; then echo base; else echo drift; fi
}

# check_state LABEL STATE NAME: explains a drifted document and counts it in DRIFT.
check_state() {
  if [ "$2" != drift ]; then return 0; fi
  DRIFT=$((DRIFT + 1))
  if [ "$MERGED" = yes ]; then
    echo "error: the $1 changed since this export was made (it no longer matches base/$3); export again." >&2
  else
    echo "error: the $1 already exists, and this offline export was NOT merged with it; export again with credentials." >&2
  fi
}

# verify LABEL LIVE_FILTER FILTER LIVE_FILE NAME: reads back after the writes.
verify() {
  if [ "$(comparable "$2" "$4")" = "$(comparable "$3" "$HERE/$5")" ]; then
    echo "  $1: as exported"
  else
    echo "warning: the $1 read back differs from $5; compare them (backups in $BACKUPS)." >&2
  fi
}
`;
