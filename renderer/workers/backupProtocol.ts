// Messages between the backup service and the backup worker: the database's name and tables go
// in, the built file comes back (its bytes transferred) or the reason it could not be built.
import type { BackupReason, BuildResult } from '../../shared/backup';

export type ToBackupWorker = { id: number; dbName: string; tables: string[]; header: { createdAt: string; dbVersion: number; reason: BackupReason } };

export type FromBackupWorker = { id: number } & ({ type: 'done'; built: BuildResult } | { type: 'crashed'; message: string });
