import type { ChannelParsed } from '../../shared/contract/api-contract';
import type { LiveTestResult } from '../../shared/livetest/live-test-result';
import { runLiveTest } from '../livetest/run-live-test';
import { getSetup, markSetup } from '../store/setups';
import type { HandlerContext } from './handler-context';
import { stepContextOf } from './operation-context';

/** livetest.run: the live upload-and-receive test; a pass marks the saved setup verified with the time. */
export async function liveTestHandler(input: ChannelParsed<'livetest.run'>, ctx: HandlerContext): Promise<LiveTestResult> {
  const sctx = stepContextOf(input.setup, ctx);
  const result = await runLiveTest(sctx, input.timeoutSeconds);
  if (result.ok && (await getSetup(sctx.dataDir, input.setup.name))) {
    await markSetup(sctx.dataDir, input.setup.name, { status: 'verified', verifiedAt: result.finishedAt });
  }
  return result;
}
