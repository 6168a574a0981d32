import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiContext } from './api/api-context';
import { BusyProvider } from './api/busy-context';
import { ConnectionProvider } from './api/connection-context';
import { getWizardApi } from './api/wizard-api';
import { App } from './app';
import './styles.css';

const api = getWizardApi();
const root = createRoot(document.getElementById('root') as HTMLElement);
root.render(
  <StrictMode>
    {api ? (
      <ApiContext.Provider value={api}>
        <BusyProvider>
          <ConnectionProvider>
            <App />
          </ConnectionProvider>
        </BusyProvider>
      </ApiContext.Provider>
    ) : (
      <main className="content">
        <div className="banner error" role="alert">
          <p className="banner-title">This page has no access token.</p>
          <p>
            Open the full URL that <code>npm run web</code> printed: it carries a per-run token.
          </p>
        </div>
      </main>
    )}
  </StrictMode>,
);
