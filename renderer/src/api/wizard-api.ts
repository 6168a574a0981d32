import type { WizardApi } from '../../../shared/contract/api-client';
import { createWebTransport, takeToken } from './web-transport';

declare global {
  interface Window {
    /** Exposed by the Electron preload (contextBridge); absent in the browser front end. */
    readonly wizardApi?: WizardApi;
  }
}

/** The API for this front end: the preload's object in Electron, else the tokened HTTP transport. */
export function getWizardApi(): WizardApi | null {
  if (window.wizardApi) return window.wizardApi;
  const token = takeToken();
  return token ? createWebTransport(token) : null;
}
