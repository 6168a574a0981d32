/**
 * A call started now and awaited later (a read that runs while another call is on the network). It is marked handled at
 * once: should it fail before the await, Node would otherwise end the process for an unhandled rejection. The await
 * still sees the failure.
 */
export function readAhead<T>(started: Promise<T>): Promise<T> {
  started.catch(() => undefined);
  return started;
}
