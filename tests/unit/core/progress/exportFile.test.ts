import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportFileName, nextSequence } from '../../../../shared/progress';

describe('export file name', () => {
  it('<unit>-<plan>-<period>-<sequence>.planbook.json in ASCII', () => {
    expect(exportFileName('Phường Thắng Tam', 'vungtau-cds-2024', '2024-05', 3)).toBe('phuong-thang-tam-vungtau-cds-2024-2024-05-3.planbook.json');
    expect(exportFileName('Sở TT&TT / Đà Nẵng', 'KH số 9124/KH-UBND', '2024-Q2', 1)).toBe('so-tt-tt-da-nang-kh-so-9124-kh-ubnd-2024-q2-1.planbook.json');
  });
  it('is always a safe file name, whatever the ids hold', () => fc.assert(fc.property(fc.string(), fc.string(), fc.string(), fc.integer(), (u, p, k, s) => {
    const name = exportFileName(u, p, k, s);
    return /^[a-z0-9-]+\.planbook\.json$/u.test(name) && name.length <= 200 && !name.includes('--');
  })));
});

describe('next sequence', () => {
  it('one more than the highest known', () => {
    expect(nextSequence({ stored: null, exported: [] })).toBe(1);
    expect(nextSequence({ stored: 4, exported: [1, 2] })).toBe(5);
    expect(nextSequence({ stored: 1, exported: [1, 7] })).toBe(8);
    expect(nextSequence({ stored: 1, exported: [], witnesses: [9, null] })).toBe(10);
  });
  it('only grows: never at or below any number it was told', () => fc.assert(fc.property(
    fc.option(fc.nat(1e6), { nil: null }), fc.array(fc.nat(1e6)), fc.array(fc.option(fc.nat(1e6), { nil: null })),
    (stored, exported, witnesses) => {
      const n = nextSequence({ stored, exported, witnesses });
      return [stored ?? 0, ...exported, ...witnesses.map((w) => w ?? 0)].every((k) => n > k);
    })));
});
