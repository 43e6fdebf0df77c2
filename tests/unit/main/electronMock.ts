// A stand-in for the `electron` module (the binary cannot be downloaded here, and unit tests
// should not need it). Each test file does:
//   vi.mock('electron', async () => (await import('./electronMock')).electronModule);
// and drives the captured handlers. Only what electron/main and electron/preload use exists.
import { vi } from 'vitest';

type Handler = (event: unknown, ...args: unknown[]) => unknown;
export const ipcHandlers = new Map<string, Handler>();

export const dialog = {
  showOpenDialog: vi.fn<(...args: unknown[]) => Promise<{ canceled: boolean; filePaths: string[] }>>(),
  showSaveDialog: vi.fn<(...args: unknown[]) => Promise<{ canceled: boolean; filePath?: string }>>(),
};

export const safeStorage = {
  isEncryptionAvailable: vi.fn(() => true),
  getSelectedStorageBackend: vi.fn((): string => 'gnome_libsecret'),
  // Reversible but not the identity, so a test can tell sealed bytes from plain ones.
  encryptString: vi.fn((s: string) => Buffer.from(`sealed:${Buffer.from(s, 'utf8').toString('hex')}`, 'utf8')),
  decryptString: vi.fn((b: Buffer) => {
    const text = b.toString('utf8');
    if (!text.startsWith('sealed:')) throw new Error('cannot decrypt');
    return Buffer.from(text.slice('sealed:'.length), 'hex').toString('utf8');
  }),
};

export const app = {
  getVersion: vi.fn(() => '0.1.0'),
  getPath: vi.fn(() => '/tmp/planbook-test-userdata'),
  on: vi.fn(),
  quit: vi.fn(),
  enableSandbox: vi.fn(),
  requestSingleInstanceLock: vi.fn(() => true),
  whenReady: vi.fn(() => new Promise<void>(() => undefined)), // never ready unless a test says so
};

export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };

export class BrowserWindow {
  static instances: BrowserWindow[] = [];
  static fromWebContents = vi.fn((): BrowserWindow | null => null);
  static getAllWindows = vi.fn(() => BrowserWindow.instances);
  readonly webContents = { id: 9000 + BrowserWindow.instances.length, send: vi.fn() };
  readonly isDestroyed = vi.fn(() => false);
  readonly isMinimized = vi.fn(() => false);
  readonly restore = vi.fn();
  readonly focus = vi.fn();
  readonly loadURL = vi.fn(async () => undefined);
  readonly once = vi.fn();
  readonly on = vi.fn();
  readonly show = vi.fn();
  constructor(readonly options: Record<string, unknown>) {
    BrowserWindow.instances.push(this);
  }
}

export const electronModule = {
  app, dialog, safeStorage, protocol, BrowserWindow,
  ipcMain: { handle: vi.fn((channel: string, h: Handler) => { ipcHandlers.set(channel, h); }) },
  session: { defaultSession: {} },
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => undefined), on: vi.fn(), removeListener: vi.fn() },
};
export default electronModule;

/** The app window's webContents, as trustWebContents() and a fake IPC event see it. */
type FakeFrame = { url: string; parent: FakeFrame | null };
export type FakeContents = { id: number; mainFrame: FakeFrame; printToPDF: ReturnType<typeof vi.fn>; send: ReturnType<typeof vi.fn> };

export function fakeContents(id = 1, url = 'app://planbook/index.html'): FakeContents {
  return { id, mainFrame: { url, parent: null }, printToPDF: vi.fn(async () => Buffer.from('%PDF-1.7 test')), send: vi.fn() };
}

/** An invoke event from `contents`; `frame` defaults to its main frame. */
export function eventFrom(contents: FakeContents, frame: FakeFrame | null = contents.mainFrame) {
  return { sender: contents, senderFrame: frame };
}

export async function invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
  const h = ipcHandlers.get(channel);
  if (!h) throw new Error(`no handler for ${channel}`);
  return h(event, ...args);
}
