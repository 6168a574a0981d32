/** The bytes of a string as UTF-8, each written %XX (upper-case hex). */
function percentEncode(char: string): string {
  const encoded = encodeURIComponent(char);
  // encodeURIComponent leaves ! ' ( ) * ~ as they are: those are written from their code as well.
  return encoded === char ? `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : encoded;
}

function encodeWith(raw: string, keep: RegExp, slash: string): string {
  return [...raw].map((c) => (c === ' ' ? '+' : c === '/' ? slash : keep.test(c) ? c : percentEncode(c))).join('');
}

/**
 * An object key as AWS writes it into an S3 event message: form-URL-encoded (space as "+", other characters outside
 * letters, digits and ". - * _" percent-encoded as UTF-8), with "/" kept (docs/aws-behaviour.md#s3-event-messages).
 */
export function keyAsAwsSendsIt(raw: string): string {
  return encodeWith(raw, /^[A-Za-z0-9.\-*_]$/, '/');
}

/** An object key as moto writes it into an event message: like Python's quote_plus, "/" as %2F and "~" kept. */
export function keyAsMotoSendsIt(raw: string): string {
  return encodeWith(raw, /^[A-Za-z0-9.\-~_]$/, '%2F');
}

/**
 * Every form a key prefix or suffix can take in an event message, so a subscription filter written on the message body
 * matches the key whichever way the server encodes it (the filter's values are ORed).
 */
export function eventKeyForms(raw: string): ReadonlyArray<string> {
  return [...new Set([keyAsAwsSendsIt(raw), keyAsMotoSendsIt(raw)])];
}
