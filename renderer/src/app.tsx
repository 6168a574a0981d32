import { lazy, Suspense, useEffect, useState } from 'react';
import type { SetupRecord } from '../../shared/contract/setup-record';
import type { Setup } from '../../shared/setup/setup';
import { PRODUCT_NAME } from '../../shared/product/product-name';
import { assertNever } from '../../shared/util/assert-never';
import { useBusy } from './api/busy-context';
import { useConnection } from './api/connection-context';
import { useOperation } from './api/use-operation';
import { BackupsView } from './backups/backups-view';
import { ProgressLine } from './components/progress-line';
import { StartScreen } from './setups/start-screen';
import { Wizard } from './wizard';
import type { WizardStepId } from './wizard-state';

// Views opened from the setups list only: loaded when first opened, so the wizard's first load stays small.
const DiagnosticsView = lazy(() => import('./diagnostics/diagnostics-view').then((m) => ({ default: m.DiagnosticsView })));
const ExportView = lazy(() => import('./export/export-view').then((m) => ({ default: m.ExportView })));
const RemoveView = lazy(() => import('./remove/remove-view').then((m) => ({ default: m.RemoveView })));

/** The app's screens: the setups list, the wizard (new, reviewing a saved setup, or at a fix's step), a setup's backups, diagnostics, export. */
export type Screen =
  | { readonly screen: 'loading' }
  | { readonly screen: 'start' }
  | { readonly screen: 'wizard'; readonly opened: Setup | null; readonly startAt?: WizardStepId; readonly run: number }
  | { readonly screen: 'backups'; readonly setupName: string }
  | { readonly screen: 'diagnostics'; readonly record: SetupRecord }
  | { readonly screen: 'export'; readonly record: SetupRecord }
  | { readonly screen: 'remove'; readonly record: SetupRecord };

let wizardRuns = 0;

/** A new wizard instance (a fresh `run` remounts it with empty state). */
function wizardScreen(opened: Setup | null, startAt?: WizardStepId): Screen {
  wizardRuns += 1;
  return { screen: 'wizard', opened, run: wizardRuns, ...(startAt ? { startAt } : {}) };
}

function Loading() {
  return (
    <main className="content" id="main">
      <ProgressLine message="Loading" elapsedMs={0} />
    </main>
  );
}

/** The app: a header, then the current screen. On a first run (no saved setup) it opens a new wizard straight away. */
export function App() {
  const [screen, setScreen] = useState<Screen>({ screen: 'loading' });
  const { connection, setConnection } = useConnection();
  const busy = useBusy();
  const current = useOperation('session.current', { background: true });
  const setups = useOperation('setups.list', { background: true });
  const { run: runCurrent } = current;
  const { run: runSetups } = setups;

  useEffect(() => {
    void runCurrent({}).then((found) => setConnection(found ?? null));
    void runSetups({}).then((list) => setScreen(list === null || list.length > 0 ? { screen: 'start' } : wizardScreen(null)));
  }, [runCurrent, runSetups, setConnection]);

  /** Diagnostics of a saved setup named from another screen (after a restore): its record as saved now. */
  async function openDiagnostics(setupName: string) {
    const record = (await runSetups({}))?.find((r) => r.setup.name === setupName);
    if (record) setScreen({ screen: 'diagnostics', record });
  }

  function body() {
    switch (screen.screen) {
      case 'loading':
        return <Loading />;
      case 'start':
        return (
          <StartScreen
            onNew={() => setScreen(wizardScreen(null))}
            onOpen={(record) => setScreen(wizardScreen(record.setup))}
            onBackups={(setupName) => setScreen({ screen: 'backups', setupName })}
            onDiagnostics={(record) => setScreen({ screen: 'diagnostics', record })}
            onExport={(record) => setScreen({ screen: 'export', record })}
            onRemove={(record) => setScreen({ screen: 'remove', record })}
          />
        );
      case 'wizard':
        return (
          <Wizard key={screen.run} opened={screen.opened} startAt={screen.startAt} onOpenBackups={(setupName) => setScreen({ screen: 'backups', setupName })} />
        );
      case 'backups':
        return <BackupsView setupName={screen.setupName} onDiagnostics={() => void openDiagnostics(screen.setupName)} />;
      case 'diagnostics': {
        const setup = screen.record.setup;
        return (
          <Suspense fallback={<Loading />}>
            <DiagnosticsView setup={setup} onPlanFix={(step) => setScreen(wizardScreen(setup, step))} />
          </Suspense>
        );
      }
      case 'export':
        return (
          <Suspense fallback={<Loading />}>
            <ExportView record={screen.record} />
          </Suspense>
        );
      case 'remove':
        return (
          <Suspense fallback={<Loading />}>
            <RemoveView record={screen.record} onDone={() => setScreen({ screen: 'start' })} />
          </Suspense>
        );
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
        <h1>{PRODUCT_NAME}</h1>
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
            <button type="button" className="secondary small" onClick={() => setScreen(wizardScreen(null))} disabled={busy}>
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
