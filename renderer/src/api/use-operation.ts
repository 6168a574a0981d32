import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract/api-contract';
import type { ApiError } from '../../../shared/contract/api-error';
import { useApi } from './api-context';

/** State of one call: every step carries loading and error (STYLE.md 5). */
export interface OperationState<T> {
  readonly loading: boolean;
  readonly error: ApiError | null;
  readonly value: T | null;
  readonly progress: string | null;
  readonly elapsedMs: number;
}

let counter = 0;
function newOperationId(): string {
  counter += 1;
  return `op-${Date.now().toString(36)}-${counter}`;
}

/** Runs a channel with progress and Cancel; the latest progress message of this call is kept. */
export function useOperation<C extends Channel>(channel: C) {
  const api = useApi();
  const [state, setState] = useState<OperationState<ChannelOutput<C>>>({ loading: false, error: null, value: null, progress: null, elapsedMs: 0 });
  const current = useRef<string | null>(null);

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'progress' && event.operationId === current.current) {
          setState((s) => ({ ...s, progress: event.message, elapsedMs: event.elapsedMs }));
        }
      }),
    [api],
  );

  const run = useCallback(
    async (input: ChannelInput<C>) => {
      const id = newOperationId();
      current.current = id;
      setState({ loading: true, error: null, value: null, progress: null, elapsedMs: 0 });
      const result = await api.invoke(channel, input, id);
      if (current.current !== id) return null;
      current.current = null;
      setState({ loading: false, error: result.ok ? null : result.error, value: result.ok ? result.value : null, progress: null, elapsedMs: 0 });
      return result.ok ? result.value : null;
    },
    [api, channel],
  );

  const cancel = useCallback(() => {
    const id = current.current;
    if (id) void api.invoke('operation.cancel', { operationId: id });
  }, [api]);

  const reset = useCallback(() => setState({ loading: false, error: null, value: null, progress: null, elapsedMs: 0 }), []);

  return { ...state, run, cancel, reset } as const;
}
