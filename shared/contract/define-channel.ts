/** A channel of the API: whether it takes input (its zod schema is in api-inputs.ts) and its output type. */
export interface ChannelSpec<O, I extends 'none' | 'schema'> {
  /** 'none': the channel accepts only `{}`, checked without loading zod; 'schema': its schema in api-inputs.ts. */
  readonly input: I;
  /** Phantom field: carries the output type only; never read at run time. */
  readonly output?: O;
  /** One line for the CLI's and the docs' listing of channels. */
  readonly summary: string;
}

/** Declares a channel: `defineChannel<Output>()(summary)`, or `(summary, 'none')` for one without input (docs/ARCHITECTURE.md#conventions). */
export function defineChannel<O>() {
  return <I extends 'none' | 'schema' = 'schema'>(summary: string, input?: I): ChannelSpec<O, I> => ({ input: input ?? ('schema' as I), summary });
}
