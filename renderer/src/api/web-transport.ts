import type { WizardApi } from '../../../shared/contract/api-client';
import type { ApiResult } from '../../../shared/contract/api-error';
import type { ApiEvent } from '../../../shared/contract/api-events';

const TOKEN_KEY = 'sqs-s3-wizard.token';

/** Takes the per-run token from the URL fragment (never sent to a server), keeps it for reloads, and hides it. */
export function takeToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** The API over the browser host: POST /api/invoke, events streamed as JSON lines from GET /api/events. */
export function createWebTransport(token: string): WizardApi {
  const listeners = new Set<(event: ApiEvent) => void>();
  const headers = { authorization: `Bearer ${token}` };
  let streaming = false;

  async function stream(): Promise<void> {
    streaming = true;
    for (let attempt = 0; listeners.size > 0; attempt++) {
      try {
        const res = await fetch('/api/events', { headers });
        if (!res.ok || !res.body) throw new Error(`events: HTTP ${res.status}`);
        attempt = 0;
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffered = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffered += value;
          const lines = buffered.split('\n');
          buffered = lines.pop() ?? '';
          for (const line of lines) if (line.trim()) for (const l of listeners) l(JSON.parse(line) as ApiEvent);
        }
      } catch {
        await new Promise((r) => setTimeout(r, Math.min(5000, 250 * 2 ** attempt)));
      }
    }
    streaming = false;
  }

  return {
    async invoke(channel, input, operationId) {
      try {
        const res = await fetch('/api/invoke', {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ channel, input, ...(operationId ? { operationId } : {}) }),
        });
        if (res.status === 401) {
          return {
            ok: false,
            error: {
              code: 'BAD_INPUT',
              message: 'This page has no valid access token.',
              fix: 'Open the URL that `npm run web` printed (it carries the token).',
            },
          };
        }
        return (await res.json()) as ApiResult<never>;
      } catch {
        return {
          ok: false,
          error: {
            code: 'ENDPOINT_UNREACHABLE',
            message: 'The wizard back end is not reachable.',
            fix: 'Check that `npm run web` is still running, then retry.',
          },
        };
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      if (!streaming) void stream();
      return () => listeners.delete(listener);
    },
  };
}
