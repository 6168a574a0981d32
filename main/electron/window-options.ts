import type { BrowserWindowConstructorOptions } from 'electron';
import { PRODUCT_NAME } from '../../shared/product/product-name';

/**
 * The main window's options, built in one pure function so a unit test can assert every security flag
 * (Electron security checklist 2, 3, 4, 6, 8, 9, 10, 12; docs/ARCHITECTURE.md#conventions). `preloadPath` is the bundled
 * dist/preload/electron-preload.cjs; DevTools stay available in development and are off in a packaged build.
 */
export function buildWindowOptions(preloadPath: string, devTools = true): BrowserWindowConstructorOptions {
  return {
    width: 1180,
    height: 820,
    minWidth: 820,
    minHeight: 600,
    // Shown on ready-to-show, so the admin never sees an empty frame.
    show: false,
    title: PRODUCT_NAME,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools,
    },
  };
}
