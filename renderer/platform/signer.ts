import type { Signer } from '../../shared/packages';
import { fromBase64url } from '../../shared/crypto/encoding';
import { platform } from './index';

/** The host signs with the unit's key (never seen by the renderer); the core only needs this callback. */
export async function platformSigner(unitId: string): Promise<Signer | null> {
  const key = await platform.getUnitKey(unitId);
  if (!key.ok) return null;
  const publicKey = fromBase64url(key.key.publicKey);
  if (!publicKey) return null;
  return {
    publicKey,
    sign: async (bytes) => {
      const r = await platform.sign(unitId, bytes);
      const sig = r.ok ? fromBase64url(r.signature) : null;
      if (!sig) throw new Error(r.ok ? 'bad signature encoding' : r.reason);
      return sig;
    },
  };
}
