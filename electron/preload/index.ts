// The preload (bundled to dist/electron/preload.cjs, CommonJS, runs sandboxed): it exposes the
// typed Platform API and nothing else. Each method forwards to its own channel; there is no
// generic invoke, so the page cannot reach any other IPC channel. Main validates every argument.
import { contextBridge, ipcRenderer } from 'electron';
import {
  CHANNEL, type AppInfo, type KeyResult, type OpenFilesRequest, type OpenFilesResult, type PickedFile, type Platform,
  type PrintRequest, type PrintResult, type SaveFileRequest, type SaveFileResult, type SignResult,
  type ClearStorageResult, type ListBackupsResult, type ReadBackupResult, type WriteBackupRequest, type WriteBackupResult,
  type KeyBackupRequest, type KeyBackupResult, type KeyRestoreResult, type UnlockResult,
} from '../../shared/platform/contract';

const platform = {
  host: 'electron',
  appInfo: () => ipcRenderer.invoke(CHANNEL.appInfo) as Promise<AppInfo>,
  openFiles: (req: OpenFilesRequest) => ipcRenderer.invoke(CHANNEL.openFiles, req) as Promise<OpenFilesResult>,
  saveFile: (req: SaveFileRequest) => ipcRenderer.invoke(CHANNEL.saveFile, req) as Promise<SaveFileResult>,
  print: (req: PrintRequest) => ipcRenderer.invoke(CHANNEL.print, req) as Promise<PrintResult>,
  ensureUnitKey: (unitId: string) => ipcRenderer.invoke(CHANNEL.ensureUnitKey, unitId) as Promise<KeyResult>,
  getUnitKey: (unitId: string) => ipcRenderer.invoke(CHANNEL.getUnitKey, unitId) as Promise<KeyResult>,
  sign: (unitId: string, bytes: Uint8Array) => ipcRenderer.invoke(CHANNEL.sign, unitId, bytes) as Promise<SignResult>,
  beginKeyRotation: (unitId: string) => ipcRenderer.invoke(CHANNEL.beginKeyRotation, unitId) as Promise<KeyResult>,
  signRotationProof: (unitId: string, bytes: Uint8Array) => ipcRenderer.invoke(CHANNEL.signRotationProof, unitId, bytes) as Promise<SignResult>,
  finishKeyRotation: (unitId: string, publicKey: string) => ipcRenderer.invoke(CHANNEL.finishKeyRotation, unitId, publicKey) as Promise<KeyResult>,
  unlockUnitKey: (unitId: string, passphrase: string) => ipcRenderer.invoke(CHANNEL.unlockUnitKey, unitId, passphrase) as Promise<UnlockResult>,
  exportKeyBackup: (req: KeyBackupRequest) => ipcRenderer.invoke(CHANNEL.exportKeyBackup, req) as Promise<KeyBackupResult>,
  restoreKeyBackup: (req: KeyBackupRequest) => ipcRenderer.invoke(CHANNEL.restoreKeyBackup, req) as Promise<KeyRestoreResult>,
  writeBackup: (req: WriteBackupRequest) => ipcRenderer.invoke(CHANNEL.writeBackup, req) as Promise<WriteBackupResult>,
  listBackups: () => ipcRenderer.invoke(CHANNEL.listBackups) as Promise<ListBackupsResult>,
  readBackup: (name: string) => ipcRenderer.invoke(CHANNEL.readBackup, name) as Promise<ReadBackupResult>,
  readMarker: () => ipcRenderer.invoke(CHANNEL.readMarker) as Promise<string | null>,
  writeMarker: (text: string) => ipcRenderer.invoke(CHANNEL.writeMarker, text) as Promise<boolean>,
  clearDatabaseStorage: () => ipcRenderer.invoke(CHANNEL.clearDatabaseStorage) as Promise<ClearStorageResult>,
  onFilesOpened: (listener: (files: PickedFile[]) => void) => {
    // Pull whatever is waiting now (files given at launch) and again on every notice from main.
    const drain = async () => {
      const files = (await ipcRenderer.invoke(CHANNEL.takeOpenedFiles)) as PickedFile[];
      if (files.length > 0) listener(files);
    };
    const onNotice = () => void drain();
    ipcRenderer.on(CHANNEL.filesOpened, onNotice);
    void drain();
    return () => {
      ipcRenderer.removeListener(CHANNEL.filesOpened, onNotice);
    };
  },
} satisfies Platform;

contextBridge.exposeInMainWorld('planbook', platform);
