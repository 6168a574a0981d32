import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract/api-contract';
import type { ApiError } from '../../../shared/contract/api-error';
import type { ProgressDetail } from '../../../shared/contract/api-events';
import { useApi } from './api-context';
import { useBusyRegistration } from './busy-context';

/** State of one call: every step carries loading and error (GitHub Desktop's sign-in store does the same). */
export interface OperationState<T> {
  readonly loading: boolean;
  readonly error: ApiError | null;
  readonly value: T | null;
  readonly progress: string | null;
  /** The figures of the latest progress event, when the back end sent some. */
  readonly detail: ProgressDetail | null;
  readonly elapsedMs: number;
}

/** How an operation takes part in the app: a foreground call disables navigation while it runs; a background read does not. */
export interface OperationOptions {
  readonly background?: boolean;
}

const IDLE = { loading: false, error: null, value: null, progress: null, detail: null, elapsedMs: 0 } as const;

let counter = 0;
function newOperationId(): string {
  counter += 1;
  return `op-${Date.now().toString(36)}-${counter}`;
}

/** Runs a channel with progress and Cancel; the latest progress of this call is kept, and a foreground call counts as busy. */
export function useOperation<C extends Channel>(channel: C, options: OperationOptions = {}) {
  const api = useApi();
  const acquireBusy = useBusyRegistration();
  const [state, setState] = useState<OperationState<ChannelOutput<C>>>(IDLE);
  const current = useRef<string | null>(null);
  const background = options.background ?? false;

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'progress' && event.operationId === current.current) {
          setState((s) => ({ ...s, progress: event.message, detail: event.detail ?? null, elapsedMs: event.elapsedMs }));
        }
      }),
    [api],
  );

  // Released when the call ends or the component unmounts mid-call.
  useEffect(() => (state.loading && !background ? acquireBusy() : undefined), [state.loading, background, acquireBusy]);

  const run = useCallback(
    async (input: ChannelInput<C>) => {
      const id = newOperationId();
      current.current = id;
      setState({ ...IDLE, loading: true });
      const result = await api.invoke(channel, input, id);
      if (current.current !== id) return null;
      current.current = null;
      setState({ ...IDLE, error: result.ok ? null : result.error, value: result.ok ? result.value : null });
      return result.ok ? result.value : null;
    },
    [api, channel],
  );

  const cancel = useCallback(() => {
    const id = current.current;
    if (id) void api.invoke('operation.cancel', { operationId: id });
  }, [api]);

  const reset = useCallback(() => setState(IDLE), []);

  return { ...state, run, cancel, reset } as const;
}
