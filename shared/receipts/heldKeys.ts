// The keys a held file waits for. A file held for an unknown key usually waits for its own
// signer's key; a consolidated package whose signer is trusted waits for the keys of the children
// inside it (a province receiving a city's package must trust each ward's key, compared by
// fingerprint as the city did). Read from the stored bytes, no verification here: accepting a key
// only lets the file be verified again, in full.

import { parseStrictJson } from '../packages/json';

export type HeldKey = { keyId: string; unitId: string; publicKey: string };

type HeldRow = { kind: string | null; keyId: string | null; unitId: string | null; publicKey: string | null; bytes: Uint8Array };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function childKeys(bytes: Uint8Array): HeldKey[] {
  const parsed = parseStrictJson(bytes); // the same strict reading as verification: these bytes are outside input
  if (!parsed.ok) return [];
  const doc = parsed.value;
  const children = isObject(doc) && isObject(doc.payload) && Array.isArray(doc.payload.children) ? doc.payload.children : [];
  const out: HeldKey[] = [];
  for (const c of children) {
    if (!isObject(c) || !isObject(c.header) || !isObject(c.signature)) continue;
    const keyId = str(c.signature.keyId);
    const unitId = str(c.header.unitId);
    const publicKey = str(c.signature.publicKey);
    if (keyId && unitId && publicKey) out.push({ keyId, unitId, publicKey });
  }
  return out;
}

/** The untrusted keys a held file waits for, each once: its signer's, else its children's. */
export function heldKeys(row: HeldRow, trusted: ReadonlySet<string>): HeldKey[] {
  if (row.keyId && row.unitId && row.publicKey && !trusted.has(row.keyId)) return [{ keyId: row.keyId, unitId: row.unitId, publicKey: row.publicKey }];
  if (row.kind !== 'consolidated') return [];
  const seen = new Set<string>();
  return childKeys(row.bytes).filter((k) => !trusted.has(k.keyId) && !seen.has(k.keyId) && seen.add(k.keyId) !== undefined);
}
