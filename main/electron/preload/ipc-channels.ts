/** The one IPC channel for API calls; the preload exposes no other way to reach main (Electron security checklist 20). */
export const INVOKE_CHANNEL = 'wizard:invoke';

/** The one IPC channel main uses to push events (progress) to the window that made the call. */
export const EVENT_CHANNEL = 'wizard:event';

/** The name of the only global the preload adds to the page: the typed `WizardApi` object. */
export const PRELOAD_GLOBAL = 'wizardApi';
