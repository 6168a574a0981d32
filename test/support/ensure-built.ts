import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from './project-root';

/** Builds dist/ when sources are newer, so CLI and host tests always run the current code. */
export async function ensureBuilt(): Promise<void> {
  const script = pathToFileURL(join(projectRoot(), 'scripts', 'build.mjs')).href;
  const build = (await import(script)) as { buildIsStale(): boolean; buildAll(o: { quiet: boolean }): Promise<void> };
  if (build.buildIsStale()) await build.buildAll({ quiet: true });
}
