import type { ChannelParsed } from '../../shared/contract/api-contract';
import { apiError, ApiFailure } from '../../shared/contract/api-error';
import type { ExportBuild } from '../../shared/export/export-build';
import { liveExport, offlineExport } from '../export/build-export';
import { planContextFor } from '../steps/neighbourhood';
import type { HandlerContext } from './handler-context';
import { stepContextOf } from './operation-context';

/**
 * export.build: the change-control folder. With an account id it works offline and says the documents were not
 * merged; otherwise it needs a connection and merges with the live documents.
 */
export async function exportHandler(input: ChannelParsed<'export.build'>, ctx: HandlerContext): Promise<ExportBuild> {
  if (input.accountId !== undefined) return offlineExport(input.setup, input.accountId);
  if (ctx.workspace.current() === null) {
    throw new ApiFailure(
      apiError('NOT_CONNECTED', 'Not connected to AWS: an export reads the live documents to merge with.', {
        fix: 'Connect, or pass --account-id (the GUI: give the account ID) to export offline without merging.',
      }),
    );
  }
  return liveExport(await planContextFor(stepContextOf(input.setup, ctx)));
}
