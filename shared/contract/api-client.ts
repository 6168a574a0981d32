import type { ApiResult } from './api-error';
import type { ApiEvent } from './api-events';
import type { Channel, ChannelInput, ChannelOutput } from './api-contract';

/** What a front end holds: typed calls and the event stream. The Electron preload and the web client both implement it. */
export interface WizardApi {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>, operationId?: string): Promise<ApiResult<ChannelOutput<C>>>;
  /** Subscribe to events (progress); returns the unsubscribe function. */
  onEvent(listener: (event: ApiEvent) => void): () => void;
}
