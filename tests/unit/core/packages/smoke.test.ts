import { describe, expect, it } from 'vitest';
import { buildReportPackage, secretKeySigner, signPackage, verifyPackage } from '../../../../shared/packages';

describe('sign then verify', () => {
  it('is ok', async () => {
    const signer = secretKeySigner(new Uint8Array(32).fill(7));
    const unsigned = buildReportPackage({ unitId: 'p1', planId: 'plan', planRevision: 1, period: '2024-05', sequence: 1, createdAt: '2024-06-10T08:00:00Z' },
      { entries: [], indicatorValues: [], projectValues: [], narrative: 'Xin chào' });
    const s = await signPackage(unsigned, signer);
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    const r = await verifyPackage(s.bytes);
    expect(r.reason, r.detail).toBe('ok');
    const t = s.bytes.slice(); t[t.length - 10] ^= 1;
    expect((await verifyPackage(t)).reason).not.toBe('ok');
  });
});
