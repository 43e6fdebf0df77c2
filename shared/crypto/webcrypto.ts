// The native verifier of Chromium and Electron (and Node's globalThis.crypto): WebCrypto Ed25519.
// shared/ compiles without the DOM library, so the few WebCrypto members used are declared here.
import type { Ed25519Native } from './ed25519';

type Ed25519Algorithm = { name: 'Ed25519' };
interface SubtleEd25519 {
  importKey(format: 'raw', keyData: Uint8Array, algorithm: Ed25519Algorithm, extractable: boolean, usages: ['verify']): Promise<unknown>;
  verify(algorithm: Ed25519Algorithm, key: unknown, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
}

function subtle(): SubtleEd25519 | null {
  const c = (globalThis as { crypto?: { subtle?: SubtleEd25519 } }).crypto;
  return c?.subtle ?? null;
}

/** A WebCrypto-backed verifier, or null when this runtime has no SubtleCrypto at all. */
export function webCryptoEd25519(): Ed25519Native | null {
  const s = subtle();
  if (!s) return null;
  return {
    async verify(publicKey, message, signature) {
      const alg: Ed25519Algorithm = { name: 'Ed25519' };
      const key = await s.importKey('raw', publicKey, alg, false, ['verify']);
      return s.verify(alg, key, signature, message);
    },
  };
}

/**
 * True when the runtime really implements Ed25519 (Chromium gained it in 137; older ones throw
 * NotSupportedError on importKey). Probed once with RFC 8032 test 1 so a missing algorithm is
 * told apart from a bad signature.
 */
export async function probeWebCryptoEd25519(): Promise<Ed25519Native | null> {
  const native = webCryptoEd25519();
  if (!native) return null;
  const hex = (h: string) => Uint8Array.from(h.match(/../gu) ?? [], (b) => parseInt(b, 16));
  try {
    const ok = await native.verify(
      hex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a'), new Uint8Array(0),
      hex('e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b'));
    return ok ? native : null;
  } catch {
    return null;
  }
}
