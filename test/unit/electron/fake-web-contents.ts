import { vi } from 'vitest';
import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';

/** A navigation-style event as Electron 45 passes it: details on the event, preventDefault to block. */
export interface FakeEvent {
  readonly url: string;
  readonly isMainFrame: boolean;
  readonly preventDefault: ReturnType<typeof vi.fn>;
}

/** The part of WebContents the shell uses, recording listeners so a test can fire them. */
export class FakeWebContents {
  readonly listeners = new Map<string, Array<(...args: unknown[]) => void>>();
  readonly send = vi.fn();
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  destroyed = false;

  constructor(readonly id: number) {}

  on(name: string, listener: (...args: unknown[]) => void): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }

  once(name: string, listener: (...args: unknown[]) => void): this {
    return this.on(name, listener);
  }

  emit(name: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(name) ?? []) listener(...args);
  }

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Fires `name` with a fresh event for `url` and returns it, so the test can check preventDefault. */
  fire(name: string, url: string, isMainFrame = true): FakeEvent {
    const event: FakeEvent = { url, isMainFrame, preventDefault: vi.fn() };
    this.emit(name, event, url);
    return event;
  }
}
