import type { Channel, ChannelOutput, ChannelParsed } from '../../shared/contract/api-contract';
import type { AppInfo } from '../../shared/contract/api-contract';
import type { ProgressDetail } from '../../shared/contract/api-events';
import type { Workspace } from './workspace';

/** What every handler gets besides its validated input. */
export interface HandlerContext {
  readonly workspace: Workspace;
  /** Aborted when the caller cancels the operation (operation.cancel) or the front end goes away. */
  readonly signal: AbortSignal;
  /** Reports progress of a slow operation to the caller's front end, with its figures when it has some. */
  readonly progress: (message: string, detail?: ProgressDetail) => void;
  readonly frontEnd: AppInfo['frontEnd'];
}

/** A handler for one channel. */
export type Handler<C extends Channel> = (input: ChannelParsed<C>, ctx: HandlerContext) => Promise<ChannelOutput<C>>;

/** The one handler table: exactly one handler per channel of the contract, or it does not compile. */
export type HandlerTable = { readonly [C in Channel]: Handler<C> };
