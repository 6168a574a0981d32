import type { z } from 'zod';

/** A channel of the API: its input schema (checked in main before any handler runs) and its output type. */
export interface ChannelSpec<S extends z.ZodType, O> {
  readonly input: S;
  /** Phantom field: carries the output type only; never read at run time. */
  readonly output?: O;
  /** One line for the CLI's and the docs' listing of channels. */
  readonly summary: string;
}

/** Declares a channel: `defineChannel<Output>()(inputSchema, summary)` (docs/ARCHITECTURE.md#conventions: one typed map, zod per channel). */
export function defineChannel<O>() {
  return <S extends z.ZodType>(input: S, summary: string): ChannelSpec<S, O> => ({ input, summary });
}
