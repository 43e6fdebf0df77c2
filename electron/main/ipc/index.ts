// Registers every Platform channel once (app 'ready'). One module per channel; no generic invoke.
import type { KeyStore } from '../keys';
import { registerAppInfo } from './appInfo';
import { registerKeys } from './keys';
import { registerOpenedFiles } from './openedFiles';
import { registerOpenFiles } from './openFiles';
import { registerPrint } from './print';
import { registerSaveFile } from './saveFile';

export function registerIpc(deps: { keyStore: KeyStore }): void {
  registerAppInfo();
  registerOpenFiles();
  registerSaveFile();
  registerPrint();
  registerKeys(deps.keyStore);
  registerOpenedFiles();
}
