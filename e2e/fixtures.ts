import { test as base } from '@playwright/test';
import { motoEnv } from '../test/support/aws-profile-files';
import { resetMoto, startMoto, type MotoServer } from '../test/support/moto-server';
import { startWebApp, type WebApp } from '../test/support/web-app';

export { startWebApp, type WebApp } from '../test/support/web-app';

/** Fixtures: one moto_server per worker, reset before each test; a fresh web host and data directory per test. */
export const test = base.extend<{ app: WebApp; motoUrl: string }, { moto: MotoServer }>({
  moto: [
    async ({}, use) => {
      const moto = await startMoto();
      await use(moto);
      await moto.stop();
    },
    { scope: 'worker' },
  ],
  motoUrl: async ({ moto }, use) => {
    await resetMoto(moto.url);
    await use(moto.url);
  },
  app: async ({ motoUrl }, use) => {
    const { app, child } = await startWebApp(motoEnv(motoUrl));
    await use(app);
    child.kill('SIGTERM');
  },
});

export { expect } from '@playwright/test';
