import { useEffect, useState } from 'react';
import type { Connection } from '../../shared/contract/aws-profile';
import type { Setup } from '../../shared/setup/setup';
import { assertNever } from '../../shared/util/assert-never';
import { useOperation } from './api/use-operation';
import { BackupsView } from './backups/backups-view';
import { ProgressLine } from './components/progress-line';
import { StartScreen } from './setups/start-screen';
import { Wizard } from './wizard';

/** The app's screens: the setups list, the wizard (new or reviewing a saved setup), one setup's backups. */
export type Screen =
  | { readonly screen: 'loading' }
  | { readonly screen: 'start' }
  | { readonly screen: 'wizard'; readonly opened: Setup | null; readonly run: number }
  | { readonly screen: 'backups'; readonly setupName: string };

let wizardRuns = 0;

/** A new wizard instance (a fresh `run` remounts it with empty state). */
function wizardScreen(opened: Setup | null): Screen {
  wizardRuns += 1;
  return { screen: 'wizard', opened, run: wizardRuns };
}

/** The app: a header, then the current screen. On a first run (no saved setup) it opens a new wizard straight away. */
export function App() {
  const [screen, setScreen] = useState<Screen>({ screen: 'loading' });
  const [connection, setConnection] = useState<Connection | null>(null);
  const [busy, setBusy] = useState(false);
  const session = useOperation('session.current');
  const setups = useOperation('setups.list');
  const { run: runSession } = session;
  const { run: runSetups } = setups;

  useEffect(() => {
    void runSession({}).then((current) => setConnection(current ?? null));
    void runSetups({}).then((list) => setScreen(list === null || list.length > 0 ? { screen: 'start' } : wizardScreen(null)));
  }, [runSession, runSetups]);

  // A screen that is left takes its running calls' state with it.
  useEffect(() => setBusy(false), [screen]);

  function body() {
    switch (screen.screen) {
      case 'loading':
        return (
          <main className="content" id="main">
            <ProgressLine message="Loading" elapsedMs={0} />
          </main>
        );
      case 'start':
        return (
          <StartScreen
            onNew={() => setScreen(wizardScreen(null))}
            onOpen={(record) => setScreen(wizardScreen(record.setup))}
            onBackups={(setupName) => setScreen({ screen: 'backups', setupName })}
          />
        );
      case 'wizard':
        return (
          <Wizard
            key={screen.run}
            connection={connection}
            onConnection={setConnection}
            opened={screen.opened}
            onOpenBackups={(setupName) => setScreen({ screen: 'backups', setupName })}
            onBusy={setBusy}
          />
        );
      case 'backups':
        return <BackupsView setupName={screen.setupName} connection={connection} onConnection={setConnection} />;
      default:
        return assertNever(screen, 'screen');
    }
  }

  return (
    <div className={`layout${screen.screen === 'wizard' ? '' : ' single'}`}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <h1>SQS (S3) setup wizard</h1>
        <nav aria-label="App" className="app-nav">
          <button
            type="button"
            className="secondary small"
            onClick={() => setScreen({ screen: 'start' })}
            aria-current={screen.screen === 'start' ? 'page' : undefined}
            disabled={busy}
          >
            Setups
          </button>
          {screen.screen !== 'wizard' ? (
            <button type="button" className="secondary small" onClick={() => setScreen(wizardScreen(null))}>
              New setup
            </button>
          ) : null}
          {connection ? (
            <span className="muted connection-chip" data-testid="header-connection">
              {connection.profile} · {connection.accountId} · {connection.region}
            </span>
          ) : null}
        </nav>
      </header>
      {body()}
    </div>
  );
}
