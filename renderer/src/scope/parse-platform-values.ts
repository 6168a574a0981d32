/** The three values the platform console shows for this data source. */
export type PlatformField = 'platformSetupRoleArn' | 'platformLoadRoleArn' | 'externalId';

/** What a paste gave: the values found (by field), or why nothing could be read. */
export type PlatformValuesParse =
  | { readonly ok: true; readonly values: Readonly<Partial<Record<PlatformField, string>>>; readonly found: ReadonlyArray<PlatformField> }
  | { readonly ok: false; readonly message: string };

/** Key spellings accepted for each field, compared lower-case with "_" and "-" removed. */
const KEY_ALIASES: Readonly<Record<string, PlatformField>> = {
  platformsetuprolearn: 'platformSetupRoleArn',
  setuprolearn: 'platformSetupRoleArn',
  platformloadrolearn: 'platformLoadRoleArn',
  loadrolearn: 'platformLoadRoleArn',
  externalid: 'externalId',
  orgid: 'externalId',
  organizationid: 'externalId',
};

/** Field order for the "found" list. */
const FIELD_ORDER: ReadonlyArray<PlatformField> = ['platformSetupRoleArn', 'platformLoadRoleArn', 'externalId'];

function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, '');
}

function collect(value: unknown, into: Partial<Record<PlatformField, string>>, depth: number): void {
  if (depth > 3 || typeof value !== 'object' || value === null || Array.isArray(value)) return;
  for (const [key, inner] of Object.entries(value)) {
    const field = KEY_ALIASES[normalizeKey(key)];
    if (field && into[field] === undefined && (typeof inner === 'string' || typeof inner === 'number')) {
      const text = String(inner).trim();
      if (text !== '') into[field] = text;
    } else {
      collect(inner, into, depth + 1);
    }
  }
}

/**
 * Reads the JSON the platform console shows: any of the accepted key spellings, at the top level or in a nested
 * object. Values are not validated here; the form's fields do that once they are filled.
 */
export function parsePlatformValues(text: string): PlatformValuesParse {
  if (text.trim() === '') return { ok: false, message: 'Nothing pasted yet: paste the JSON the platform console shows.' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, message: `This is not valid JSON (${detail}). Copy the whole block from the platform console, including the braces.` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, message: 'Expected a JSON object such as {"platformSetupRoleArn": "...", "platformLoadRoleArn": "...", "externalId": "..."}.' };
  }
  const values: Partial<Record<PlatformField, string>> = {};
  collect(parsed, values, 0);
  const found = FIELD_ORDER.filter((field) => values[field] !== undefined);
  if (found.length === 0) {
    return {
      ok: false,
      message:
        'No known keys found: expected platformSetupRoleArn (or setupRoleArn), platformLoadRoleArn (or loadRoleArn) and externalId (or orgId, organizationId).',
    };
  }
  return { ok: true, values, found };
}
