// `npm run web`: builds if anything changed, then serves the wizard on 127.0.0.1 (flags: --port N).
import { createRequire } from 'node:module';
import { buildAll, buildIsStale } from './build.mjs';

if (buildIsStale()) {
  console.error('web: building the app first (one time after each change)...');
  await buildAll({ quiet: true });
}
createRequire(import.meta.url)('../dist/main/web.cjs');
