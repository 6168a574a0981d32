import { describe, expect, it } from 'vitest';
import { buildWindowOptions } from '../../../main/electron/window-options';

describe('buildWindowOptions', () => {
  const options = buildWindowOptions('/app/dist/preload/electron-preload.cjs');
  const prefs = options.webPreferences ?? {};

  it('isolates and sandboxes the renderer with no Node.js anywhere (checklist 2, 3, 4)', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on and risky features off (checklist 6, 8, 9, 10, 12)', () => {
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('uses the given preload and shows the window only when ready', () => {
    expect(prefs.preload).toBe('/app/dist/preload/electron-preload.cjs');
    expect(options.show).toBe(false);
  });

  it('turns DevTools off when asked (packaged builds)', () => {
    expect(buildWindowOptions('/p.cjs', false).webPreferences?.devTools).toBe(false);
    expect(buildWindowOptions('/p.cjs').webPreferences?.devTools).toBe(true);
  });

  it('is pure: the same input gives equal, independent objects', () => {
    const a = buildWindowOptions('/p.cjs');
    const b = buildWindowOptions('/p.cjs');
    expect(a).toEqual(b);
    expect(a.webPreferences).not.toBe(b.webPreferences);
  });
});
