// Electron main process entry (bundled to dist/electron/main.cjs). It wires lifecycle, the app
// protocol, window hardening and the IPC channels; it holds no business rules (DESIGN.md): it
// moves bytes and keeps the unit's key.
import { app, BrowserWindow, protocol, session, type WebContents } from 'electron';
import path from 'node:path';
import { filterOpenPaths } from './args';
import { registerIpc } from './ipc';
import { queueOpenedPaths } from './ipc/openedFiles';
import { trustWebContents } from './ipc/sender';
import { osKeychainProtector } from './keyProtection';
import { createKeyStore } from './keys';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { hardenSession, hardenWebContents } from './security';
import { createMainWindow } from './window';

// dist/electron/main.cjs sits beside preload.cjs; the renderer bundle is dist/renderer.
const PRELOAD = path.join(__dirname, 'preload.cjs');
const RENDERER_ROOT = path.join(__dirname, '..', 'renderer');

// Before 'ready', or Chromium will not treat app:// as standard and secure.
registerAppScheme(protocol);
// Every renderer sandboxed, even one created by a future code path that forgets the option.
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

const windowContents = (): WebContents | null => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null);

async function acceptOpenedArgs(argv: readonly string[], cwd: string): Promise<void> {
  try {
    await queueOpenedPaths(await filterOpenPaths(argv, cwd), windowContents());
  } catch {
    // A file that vanished between the check and the read: nothing to open, nothing to report.
  }
}

function openWindow(): void {
  mainWindow = createMainWindow(PRELOAD);
  trustWebContents(mainWindow.webContents);
  mainWindow.on('closed', () => {
    mainWindow = null;
    trustWebContents(null);
  });
}

function focusWindow(): void {
  if (!mainWindow) return openWindow();
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

// One instance per user: a second launch (e.g. a package dropped on the icon) hands its
// arguments to the first and quits, so two windows never write the same database.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusWindow();
    void acceptOpenedArgs(argv, workingDirectory);
  });
  // macOS: a file dropped on the Dock icon or opened with the app; may fire before 'ready'.
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    void acceptOpenedArgs([filePath], process.cwd());
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    handleAppProtocol(session.defaultSession.protocol, RENDERER_ROOT);
    registerIpc({
      keyStore: createKeyStore({ dir: path.join(app.getPath('userData'), 'keys'), protector: () => osKeychainProtector() }),
    });
    openWindow();
    void acceptOpenedArgs(process.argv.slice(1), process.cwd());
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });
}
