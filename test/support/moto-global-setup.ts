import type { TestProject } from 'vitest/node';
import { ensureBuilt } from './ensure-built';
import { startMoto } from './moto-server';

declare module 'vitest' {
  export interface ProvidedContext {
    motoUrl: string;
  }
}

/** One moto_server for the integration run (each test resets it), and an up-to-date dist/ for CLI tests. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await ensureBuilt();
  const moto = await startMoto();
  project.provide('motoUrl', moto.url);
  return () => moto.stop();
}
