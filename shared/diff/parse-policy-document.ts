import { apiError, type ApiError } from '../contract/api-error';
import { isJsonObject, type JsonObject } from './json-object';

/** Result of reading a document as AWS returns it. */
export type ParsedDocument = { readonly ok: true; readonly value: JsonObject } | { readonly ok: false; readonly error: ApiError };

function fail(message: string): ParsedDocument {
  return {
    ok: false,
    error: apiError('BAD_INPUT', message, {
      fix: 'Check the document in the AWS console; it must be a JSON object such as {"Version": "2012-10-17", "Statement": [...]}.',
    }),
  };
}

function decodeIfUrlEncoded(text: string): string | null {
  if (!/^%7b/i.test(text)) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** Reads an object, a JSON string (SQS Policy attribute) or a URL-encoded JSON string (IAM GetRole/GetRolePolicy, RFC 3986). */
export function parsePolicyDocument(raw: unknown): ParsedDocument {
  if (isJsonObject(raw)) return { ok: true, value: raw };
  if (raw === null || raw === undefined) return fail('The document is empty: there is nothing to read.');
  if (typeof raw !== 'string') return fail(`The document must be a JSON object, not a ${Array.isArray(raw) ? 'list' : typeof raw}.`);
  const trimmed = raw.trim();
  if (trimmed === '') return fail('The document is empty: there is nothing to read.');
  const text = decodeIfUrlEncoded(trimmed);
  if (text === null) return fail('The document looks URL-encoded but contains an invalid "%" escape sequence.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return fail(`The document is not valid JSON: ${e instanceof Error ? e.message : String(e)}.`);
  }
  if (!isJsonObject(parsed)) return fail('The document must be a JSON object ({...}), not a list or a single value.');
  return { ok: true, value: parsed };
}
