/** UTF-8 byte length without TextEncoder (shared/ has no DOM or Node types); AWS counts policy limits in bytes. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The size AWS sees: the compact JSON the wizard sends (SetQueueAttributes, UpdateAssumeRolePolicy, PutRolePolicy). */
export function compactPolicySize(document: unknown): number {
  return utf8ByteLength(JSON.stringify(document));
}

/** IAM counts policy length in characters, ignoring whitespace (IAM quotas, "IAM and AWS STS character limits"). */
export function iamPolicyCharacters(document: unknown): number {
  return JSON.stringify(document).replace(/\s/g, '').length;
}

/** Thousands separators without Intl, so messages read the same on every machine ("8,192"). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
