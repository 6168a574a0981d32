import type { TestProject } from 'vitest/node';
import { startMoto } from './moto-server';

declare module 'vitest' {
  export interface ProvidedContext {
    motoUrl: string;
  }
}

/** One moto_server for the integration run; each test resets it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const moto = await startMoto();
  project.provide('motoUrl', moto.url);
  return () => moto.stop();
}
