// Registers every Platform channel once (app 'ready'). One module per channel; no generic invoke.
import { app } from 'electron';
import path from 'node:path';
import type { KeyStore } from '../keys';
import { registerBackup, type BackupPlaces } from './backup';
import { registerAppInfo } from './appInfo';
import { registerKeys } from './keys';
import { registerOpenedFiles } from './openedFiles';
import { registerOpenFiles } from './openFiles';
import { registerPrint } from './print';
import { registerSaveFile } from './saveFile';

const DEFAULT_PLACES: BackupPlaces = {
  folder: () => path.join(app.getPath('documents'), 'PlanBook', 'backups'),
  markerFile: () => path.join(app.getPath('userData'), 'marker.json'),
};

export function registerIpc(deps: { keyStore: KeyStore; backupPlaces?: BackupPlaces }): void {
  registerAppInfo();
  registerOpenFiles();
  registerSaveFile();
  registerPrint();
  registerKeys(deps.keyStore);
  registerOpenedFiles();
  registerBackup(deps.backupPlaces ?? DEFAULT_PLACES);
}
