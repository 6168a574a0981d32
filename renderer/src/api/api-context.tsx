import { createContext, useContext } from 'react';
import type { WizardApi } from '../../../shared/contract/api-client';

/** The API object for the component tree (tests and front ends provide their own). */
export const ApiContext = createContext<WizardApi | null>(null);

/** The API; components below the provider may rely on it. */
export function useApi(): WizardApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiContext');
  return api;
}
