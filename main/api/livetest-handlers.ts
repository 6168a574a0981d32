import type { ChannelParsed } from '../../shared/contract/api-contract';
import type { LiveTestResult } from '../../shared/livetest/live-test-result';
import { runLiveTest } from '../livetest/run-live-test';
import type { HandlerContext } from './handler-context';
import { stepContextOf } from './operation-context';
import { markLiveTested } from './setup-status';

/** livetest.run: the live upload-and-receive test; a pass marks the saved setup verified, a failure needs attention. */
export async function liveTestHandler(input: ChannelParsed<'livetest.run'>, ctx: HandlerContext): Promise<LiveTestResult> {
  const sctx = stepContextOf(input.setup, ctx);
  const result = await runLiveTest(sctx, input.timeoutSeconds);
  await markLiveTested(sctx.dataDir, input.setup.name, result);
  return result;
}
