// The one app window. The hardening options are written as literals right here, where the window
// is created, so reviewers and @doyensec/electronegativity can see them (issue 8).
import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './origin';

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'PlanBook',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // The spellchecker downloads dictionaries from a Google CDN: no request may leave the app.
      spellcheck: false,
      // Middle-click opens links through a path window.open rules do not see in old Chromium.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
