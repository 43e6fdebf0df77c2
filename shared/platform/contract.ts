// The one interface between the renderer and its host (DESIGN.md, "One renderer, two hosts").
// Types and channel names only, so the preload bundle stays tiny. The Electron preload and the
// browser host both `satisfies Platform`; main validates every argument it receives.

export type HostKind = 'electron' | 'browser';

export type AppInfo = { host: HostKind; version: string; buildDate: string };

export type PickedFile = { name: string; bytes: Uint8Array };
/**
 * `folder`: the user picks a folder, and every file of an accepted type in it and its subfolders
 * (at most MAX_FOLDER_DEPTH levels, MAX_FOLDER_FILES files; links not followed) comes back, named
 * by its path inside the folder (`phuong-7/bao-cao.json`), in that order.
 */
export type OpenFilesRequest = { accept: ('json' | 'xlsx')[]; multiple: boolean; folder?: boolean };
export const MAX_FOLDER_FILES = 20_000;
export const MAX_FOLDER_DEPTH = 4;
export type OpenFilesResult =
  | { ok: true; files: PickedFile[] }
  | { ok: false; reason: 'cancelled' | 'rejected' | 'read-failed' | 'too-large' };

export type SaveFileRequest = { suggestedName: string; bytes: Uint8Array };
export type SaveFileResult =
  | { ok: true; fileName: string }
  | { ok: false; reason: 'cancelled' | 'rejected' | 'write-failed' | 'disk-full' };

/** Print the current window: a PDF file in Electron (printToPDF), the print dialog in the browser. */
export type PrintRequest = { suggestedName: string; landscape: boolean };
export type PrintResult =
  | { ok: true; fileName: string | null }
  | { ok: false; reason: 'cancelled' | 'rejected' | 'failed' };

/** The unit's Ed25519 key never leaves the host: the renderer asks it to sign bytes. Keys in base64url. */
export type KeyInfo = { unitId: string; publicKey: string; createdAt: string; protection: 'os-keychain' | 'non-extractable' | 'passphrase' };
/**
 * Why a host cannot keep a key safe right now (optional, so a host may omit it): the OS keychain is
 * missing, or on Linux it is the `basic_text` backend (a fixed password, no real protection). The
 * app then tells the user and needs a passphrase-protected key (docs/security.md).
 */
export type KeyUnavailableDetail = 'os-keychain-unavailable' | 'os-keychain-weak' | 'key-unreadable' | 'passphrase-locked';
export type KeyResult = { ok: true; key: KeyInfo }
  | { ok: false; reason: 'no-key' | 'rejected' | 'unavailable'; detail?: KeyUnavailableDetail };
export type SignResult = { ok: true; signature: string }
  | { ok: false; reason: 'no-key' | 'rejected' | 'unavailable'; detail?: KeyUnavailableDetail };

/**
 * Passphrase fallback (Electron, when the OS keychain is missing or weak): the passphrase opens, or
 * creates, the unit's passphrase-sealed key and stays in main's memory until the app quits.
 */
export type UnlockResult = { ok: true; key: KeyInfo }
  | { ok: false; reason: 'rejected' | 'wrong-passphrase' | 'weak-passphrase' | 'not-needed' | 'unavailable'; detail?: KeyUnavailableDetail };

/**
 * An encrypted backup of the unit's private key (Electron only; the browser's key cannot be read).
 * Main writes and reads it itself (the format of the command line's key file, docs/package-format.md
 * section 8), so the private key never reaches the renderer; the user picks the file in a dialog.
 */
export type KeyBackupRequest = { unitId: string; passphrase: string };
export type KeyBackupResult = { ok: true; fileName: string }
  | { ok: false; reason: 'cancelled' | 'rejected' | 'no-key' | 'weak-passphrase' | 'unavailable' | 'write-failed'; detail?: KeyUnavailableDetail };
export type KeyRestoreResult = { ok: true; key: KeyInfo }
  | { ok: false; reason: 'cancelled' | 'rejected' | 'read-failed' | 'not-a-key-file' | 'wrong-passphrase' | 'other-unit' | 'unavailable'; detail?: KeyUnavailableDetail };

/**
 * Backups kept by the host in a folder outside the app profile (Electron: Documents/PlanBook/backups),
 * written to a temporary file, flushed, renamed, then rotated (docs/data-safety.md). Names are the
 * ones shared/backup/names.ts makes; main refuses any other.
 */
export type BackupFile = { name: string; createdAt: string; reason: string; size: number };
export type WriteBackupRequest = { name: string; bytes: Uint8Array };
export type WriteBackupResult = { ok: true; fileName: string; folder: string; deleted: number }
  | { ok: false; reason: 'rejected' | 'disk-full' | 'write-failed' };
export type ListBackupsResult = { ok: true; folder: string; files: BackupFile[] } | { ok: false; reason: 'rejected' | 'read-failed' };
export type ReadBackupResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'rejected' | 'not-found' | 'read-failed' | 'too-large' };
export type ClearStorageResult = { ok: true } | { ok: false; reason: 'rejected' | 'failed' };

export interface Platform {
  readonly host: HostKind;
  appInfo(): Promise<AppInfo>;
  openFiles(req: OpenFilesRequest): Promise<OpenFilesResult>;
  saveFile(req: SaveFileRequest): Promise<SaveFileResult>;
  print(req: PrintRequest): Promise<PrintResult>;
  /** Creates the unit's key when it has none; returns the existing one otherwise. */
  ensureUnitKey(unitId: string): Promise<KeyResult>;
  getUnitKey(unitId: string): Promise<KeyResult>;
  /** Signs `bytes` (the canonical form of a package without signature.value) with the unit's key. */
  sign(unitId: string, bytes: Uint8Array): Promise<SignResult>;
  /**
   * Key rotation, in two steps around one signature: `beginKeyRotation` makes the next key (or
   * returns the one already made) and keeps the current key; the renderer has the current key
   * sign the `keys` package naming the next one (`sign`, after `signRotationProof`), saves it, then `finishKeyRotation`
   * (with the next key's public key, as a guard) makes the next key the unit's key.
   */
  beginKeyRotation?(unitId: string): Promise<KeyResult>;
  /**
   * The next key's proof in that package (payload.newKeySignature, docs/package-format.md §2): the
   * NEXT key signs `bytes`, which must be the proof bytes of a rotation of this unit naming the
   * next key and replacing the current one (without signature.value and without the proof). The
   * host refuses other bytes (`rejected`), so the next key signs nothing else before it is the unit's.
   */
  signRotationProof?(unitId: string, bytes: Uint8Array): Promise<SignResult>;
  finishKeyRotation?(unitId: string, publicKey: string): Promise<KeyResult>;
  /** Passphrase fallback (Electron): opens or creates the passphrase-sealed key for this session. */
  unlockUnitKey?(unitId: string, passphrase: string): Promise<UnlockResult>;
  /** Encrypted key backup (Electron): main asks where to save / which file to read. */
  exportKeyBackup?(req: KeyBackupRequest): Promise<KeyBackupResult>;
  restoreKeyBackup?(req: KeyBackupRequest): Promise<KeyRestoreResult>;
  /**
   * Package files handed to the app from outside the window (dropped on the app's icon, given on
   * the command line, macOS open-file): the listener receives them, including those that arrived
   * before it subscribed. Returns the unsubscribe function. Optional: the browser host has none.
   */
  onFilesOpened?(listener: (files: PickedFile[]) => void): () => void;
  /** Backups in a folder of the host (optional: the browser host keeps snapshots itself and offers downloads). */
  writeBackup?(req: WriteBackupRequest): Promise<WriteBackupResult>;
  listBackups?(): Promise<ListBackupsResult>;
  readBackup?(name: string): Promise<ReadBackupResult>;
  /** The marker kept outside IndexedDB (shared/backup/marker.ts): text, at most MAX_MARKER_CHARS. */
  readMarker?(): Promise<string | null>;
  writeMarker?(text: string): Promise<boolean>;
  /**
   * Removes the app's IndexedDB files from the profile (Electron). A database damaged on disk can
   * refuse `deleteDatabase` as it refuses `open` (one LevelDB holds every database of an origin),
   * and only the host can remove it; the page then restores a backup into an empty database.
   */
  clearDatabaseStorage?(): Promise<ClearStorageResult>;
}

export const CHANNEL = {
  appInfo: 'platform:app-info',
  openFiles: 'platform:open-files',
  saveFile: 'platform:save-file',
  print: 'platform:print',
  ensureUnitKey: 'platform:ensure-unit-key',
  getUnitKey: 'platform:get-unit-key',
  sign: 'platform:sign',
  /** main -> renderer notice without payload; the preload then pulls with takeOpenedFiles. */
  filesOpened: 'platform:files-opened',
  takeOpenedFiles: 'platform:take-opened-files',
  writeBackup: 'platform:write-backup',
  listBackups: 'platform:list-backups',
  readBackup: 'platform:read-backup',
  readMarker: 'platform:read-marker',
  writeMarker: 'platform:write-marker',
  clearDatabaseStorage: 'platform:clear-database-storage',
  beginKeyRotation: 'platform:begin-key-rotation',
  signRotationProof: 'platform:sign-rotation-proof',
  finishKeyRotation: 'platform:finish-key-rotation',
  unlockUnitKey: 'platform:unlock-unit-key',
  exportKeyBackup: 'platform:export-key-backup',
  restoreKeyBackup: 'platform:restore-key-backup',
} as const;

/** Shortest passphrase accepted for a key (backup or fallback); long Vietnamese phrases are welcome. */
export const MIN_PASSPHRASE_CHARS = 10;
export const MAX_PASSPHRASE_CHARS = 1024;

/** The marker is a few facts (unit, counts, sequences): far below this. */
export const MAX_MARKER_CHARS = 1024 * 1024;

/** Largest file the host reads or writes for the renderer (a consolidated package can be large). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
