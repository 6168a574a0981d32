/** A parsed JSON object as read from AWS; shapes are checked where they are used, never assumed. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** True for a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
