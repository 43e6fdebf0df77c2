// node:crypto (OpenSSL) as the command line's native Ed25519 verifier: the cross-check beside
// noble (shared/crypto/ed25519.ts explains why a signature needs both).
import { createPublicKey, verify } from 'node:crypto';
import type { Ed25519Native } from '../../shared/crypto/ed25519';
import { toBase64url } from '../../shared/crypto/encoding';

export const nodeEd25519: Ed25519Native = {
  async verify(publicKey, message, signature) {
    try {
      const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: toBase64url(publicKey) }, format: 'jwk' });
      return verify(null, message, key, signature);
    } catch {
      return false;
    }
  },
};
