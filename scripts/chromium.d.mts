/** The first usable Chromium on this machine, or null (scripts/chromium.mjs). */
export function findChromium(env?: NodeJS.ProcessEnv): string | null;
/** A usable Chromium's path, fetched when the machine has none; throws with the command to run (scripts/chromium.mjs). */
export function ensureChromium(): string;
