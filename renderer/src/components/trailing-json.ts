/** A message split into its sentence and a JSON value it ends with (null when it ends with none). */
export interface TextWithJson {
  readonly text: string;
  readonly json: unknown;
}

/**
 * Splits "sentence: {json}" so the JSON can be shown pretty-printed and copied (the KMS key policy step's warning for
 * a key of another account carries the statement S3 needs this way).
 */
export function splitTrailingJson(message: string): TextWithJson {
  for (let i = message.indexOf('{'); i >= 0; i = message.indexOf('{', i + 1)) {
    const tail = message.slice(i).trim();
    if (!tail.endsWith('}')) continue;
    try {
      return { text: message.slice(0, i).trim(), json: JSON.parse(tail) };
    } catch {
      // not JSON from here: try the next brace
    }
  }
  return { text: message, json: null };
}
