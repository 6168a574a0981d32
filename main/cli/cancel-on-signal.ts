/** Exit code after an interrupt: 128 + SIGINT, the shell convention. */
export const EXIT_INTERRUPTED = 130;

/** Whether a signal arrived; read once the command has finished its cleanup. */
export interface SignalWatch {
  readonly interrupted: () => boolean;
}

/**
 * Ctrl-C (or SIGTERM) once: cancel the running operations the way the GUI's Cancel does, so the live test still deletes
 * its object and releases the platform's messages; the caller then exits 130. A second signal exits at once.
 */
export function cancelOnSignal(cancel: () => Promise<unknown>): SignalWatch {
  let interrupted = false;
  const onSignal = (): void => {
    if (interrupted) process.exit(EXIT_INTERRUPTED);
    interrupted = true;
    process.stderr.write('cancelling... (press Ctrl-C again to quit at once)\n');
    cancel().catch(() => undefined);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return { interrupted: () => interrupted };
}
