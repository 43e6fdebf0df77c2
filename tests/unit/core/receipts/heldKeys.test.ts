import { describe, expect, it } from 'vitest';
import { heldKeys } from '../../../../shared/receipts/heldKeys';

const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const child = (unitId: string, keyId: string) => ({ header: { unitId }, signature: { keyId, publicKey: `pub-${keyId}`, value: 'x' }, payload: {} });
const city = { kind: 'consolidated', keyId: 'CITY', unitId: 'brvt.vung-tau', publicKey: 'pub-CITY' };
const bytes = enc({ kind: 'consolidated', payload: { children: [child('p1', 'K1'), child('p2', 'K2'), child('p2b', 'K2')] } });

describe('the keys a held file waits for', () => {
  it('is its signer\'s key while that key is unknown', () => {
    expect(heldKeys({ ...city, bytes }, new Set())).toEqual([{ keyId: 'CITY', unitId: 'brvt.vung-tau', publicKey: 'pub-CITY' }]);
  });

  it('is, for a consolidated package of a trusted signer, each untrusted child key once', () => {
    expect(heldKeys({ ...city, bytes }, new Set(['CITY']))).toEqual([
      { keyId: 'K1', unitId: 'p1', publicKey: 'pub-K1' }, { keyId: 'K2', unitId: 'p2', publicKey: 'pub-K2' },
    ]);
    expect(heldKeys({ ...city, bytes }, new Set(['CITY', 'K1', 'K2']))).toEqual([]);
  });

  it('reads nothing more from a report or from unreadable bytes', () => {
    expect(heldKeys({ ...city, kind: 'report', bytes }, new Set(['CITY']))).toEqual([]);
    expect(heldKeys({ ...city, bytes: enc('not a package').slice(1) }, new Set(['CITY']))).toEqual([]);
  });
});
