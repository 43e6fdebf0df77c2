// The OS keychain protector: Electron's safeStorage (DPAPI on Windows, Keychain on macOS,
// libsecret/kwallet on Linux). On Linux with the `basic_text` backend safeStorage still
// "works" but with a password hard-coded in Chromium, which protects nothing: that case is
// reported as weak, and the key must then be passphrase-protected (docs/security.md).
import { safeStorage } from 'electron';
import type { ProtectorState } from './keys';

export function osKeychainProtector(platform: NodeJS.Platform = process.platform): ProtectorState {
  if (!safeStorage.isEncryptionAvailable()) return { ok: false, detail: 'os-keychain-unavailable' };
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text') return { ok: false, detail: 'os-keychain-weak' };
    if (backend === 'unknown') return { ok: false, detail: 'os-keychain-unavailable' }; // asked before 'ready'
  }
  return {
    ok: true,
    protector: {
      kind: 'os-keychain',
      // safeStorage takes strings; base64 keeps the DER bytes exact.
      seal: (plain) => safeStorage.encryptString(plain.toString('base64')),
      open: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
    },
  };
}
