// Passphrase protector: the fallback when the OS keychain is missing or weak (Linux `basic_text`).
// scrypt stretches the passphrase, AES-256-GCM seals the key and detects a wrong passphrase or a
// tampered file. Pure Node; not yet reachable from the renderer (see docs/security.md: the
// Platform contract has no passphrase channel and no passphrase screen exists yet).
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import type { Protector } from './keys';

const MAGIC = Buffer.from('PBK1', 'ascii');
// N = 2^15 takes ~100 ms on an office PC: slow for guessing, fine for one signature.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

function derive(passphrase: string, salt: Buffer): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, SCRYPT);
}

export function passphraseProtector(passphrase: string): Protector {
  if (passphrase.length < 8) throw new Error('passphrase too short');
  return {
    kind: 'passphrase',
    seal(plain) {
      const salt = randomBytes(16);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', derive(passphrase, salt), iv);
      cipher.setAAD(MAGIC);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([MAGIC, salt, iv, cipher.getAuthTag(), body]);
    },
    open(sealed) {
      if (sealed.length < 4 + 16 + 12 + 16 + 1 || !sealed.subarray(0, 4).equals(MAGIC)) throw new Error('not a sealed key');
      const salt = sealed.subarray(4, 20);
      const iv = sealed.subarray(20, 32);
      const tag = sealed.subarray(32, 48);
      const decipher = createDecipheriv('aes-256-gcm', derive(passphrase, salt), iv);
      decipher.setAAD(MAGIC);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(sealed.subarray(48)), decipher.final()]);
    },
  };
}
