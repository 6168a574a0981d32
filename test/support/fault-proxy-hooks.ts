import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { resetMoto } from './moto-server';

/** One fault proxy per test file in front of moto; before each test moto is reset and the proxy's rules and log cleared. */
export function useFaultProxy(motoUrl: string): () => FaultProxy {
  let proxy: FaultProxy | null = null;
  beforeAll(async () => {
    proxy = await startFaultProxy(motoUrl);
  });
  afterAll(async () => proxy?.close());
  beforeEach(async () => {
    await resetMoto(motoUrl);
    proxy?.clearRules();
    proxy?.clearCalls();
  });
  return () => {
    if (!proxy) throw new Error('fault proxy not started yet');
    return proxy;
  };
}
