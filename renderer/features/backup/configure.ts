import type { Platform } from '../../../shared/platform/contract';
import { markerStoreFor } from './markerStore';
import { configureBackups } from './service';
import { browserSnapshotStore, folderStore, hasBackupFolder } from './store';

/** Boot: backups to the host's folder when it has one, else to the browser's snapshot store. */
export function configureBackupsFor(p: Platform): void {
  configureBackups({ store: hasBackupFolder(p) ? folderStore(p) : browserSnapshotStore(), marker: markerStoreFor(p) });
}
