// The backup file core: round trip, every refusal with its reason, rotation, marker, audit chain.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  auditHash, backupFileName, backupsToDelete, buildBackup, checkAuditChain, GENESIS, judgeStart, mergeMarks, nextMarker,
  parseBackup, parseBackupFileName, previewRestore, type Marker,
} from '../../../../shared/backup';

const known = { dbVersion: 1 };
const mark = { unitId: 'u1', planId: 'p1', period: '2024-05', last: 3 };
const tables = {
  settings: [{ key: 'self', unitId: 'u1', role: 'reporter', setUpAt: '2024-05-01T00:00:00Z' }],
  sequences: [{ unitId: 'u1', planId: 'p1', period: '2024-05', last: 2, narrative: 'Tiến độ tháng 5 — ổn định' }],
  exported: [{ id: 1, unitId: 'u1', planId: 'p1', period: '2024-05', sequence: 3, bytes: new Uint8Array([0, 255, 7]) }],
};
const built = () => {
  const r = buildBackup({ header: { app: 'planbook test', createdAt: '2024-05-11T02:00:00.000Z', dbVersion: 1, unitId: 'u1', reason: 'manual' }, tables });
  if (!r.ok) throw new Error(r.detail);
  return r;
};
const text = () => new TextDecoder().decode(built().bytes);
const bytesOf = (s: string) => new TextEncoder().encode(s);

describe('backup file', () => {
  it('round-trips rows, bytes included, and records counts and the highest sequences', () => {
    const r = parseBackup(built().bytes, known);
    expect(r.ok && r.backup.tables).toEqual(tables);
    expect(r.ok && r.backup.header).toMatchObject({ counts: { settings: 1, sequences: 1, exported: 1 }, sequences: [mark] });
  });

  it('is byte-for-byte reproducible', () => expect(built().bytes).toEqual(built().bytes));

  it.each([
    ['empty', new Uint8Array(0)],
    ['truncated', bytesOf(text().slice(0, 200))],
    ['truncated', built().bytes.subarray(0, built().bytes.length - 1)],
    ['checksum', bytesOf(text().replace('Tiến độ tháng 5', 'Tiến độ tháng 6'))],
    ['checksum', bytesOf(text().replace('"last":2', '"last":1'))],
    ['no-checksum', bytesOf(text().replace(/"checksum":"[^"]+",/u, ''))],
    ['not-a-backup', bytesOf('{"format":"planbook/package"}')],
    ['malformed', bytesOf('{"a":1}x')],
    ['newer-format', bytesOf(text().replace('"formatVersion":1', '"formatVersion":2'))],
  ])('refuses: %s', (reason, bytes) => expect(parseBackup(bytes, known)).toMatchObject({ ok: false, reason }));

  it('refuses a backup of a newer database, and an unknown table when told the tables', () => {
    expect(parseBackup(built().bytes, { dbVersion: 0 })).toMatchObject({ ok: false, reason: 'newer-db' });
    expect(parseBackup(built().bytes, { dbVersion: 1, tables: ['settings', 'sequences'] })).toMatchObject({ ok: false, reason: 'unknown-table' });
  });

  it('refuses values JSON cannot carry, naming where', () => {
    expect(buildBackup({ header: { app: 'x', createdAt: '2024-05-11T00:00:00Z', dbVersion: 1, unitId: null, reason: 'manual' }, tables: { t: [{ d: new Date() }] } }))
      .toMatchObject({ ok: false, reason: 'unsupported-value', detail: 't[0].d: Date' });
  });

  it('never throws on any bytes, and any single changed byte is refused', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => parseBackup(b, known).ok === false));
    const good = built().bytes;
    fc.assert(fc.property(fc.nat(good.length - 1), fc.integer({ min: 1, max: 255 }), (i, x) => {
      const bad = good.slice();
      bad[i] = (bad[i] ?? 0) ^ x;
      const r = parseBackup(bad, known);
      return !r.ok || JSON.stringify(r.backup.header) === JSON.stringify(parseBackup(good, known).ok && (parseBackup(good, known) as { backup: { header: unknown } }).backup.header);
    }), { numRuns: 300 });
  });
});

describe('restore preview', () => {
  it('lists both sides and the higher current sequences kept', () => {
    const p = previewRestore(built().header, { unitId: 'u2', counts: { settings: 1, audit: 5 }, sequences: [{ ...mark, last: 7 }] });
    expect(p).toMatchObject({ sameUnit: false, keptSequences: [{ ...mark, last: 7 }] });
    expect(p.tables).toContainEqual({ table: 'audit', inBackup: 0, now: 5 });
  });
});

describe('names and rotation', () => {
  it('names carry the time and reason', () => {
    const n = backupFileName('2024-05-11T02:03:04.005Z', 'before-import');
    expect(n).toBe('planbook-backup_20240511T020304005Z_before-import.json');
    expect(parseBackupFileName(n)).toEqual({ name: n, createdAt: '2024-05-11T02:03:04.005Z', reason: 'before-import' });
    expect(parseBackupFileName('../planbook-backup_20240511T020304005Z_manual.json')).toBeNull();
    expect(parseBackupFileName('planbook-backup_20240511T020304005Z_other.json')).toBeNull();
  });

  it('keeps the last 10 and the newest of each month', () => {
    const days = Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(2024, 0, 1) + i * 3 * 86_400_000).toISOString());
    const entries = days.map((createdAt) => ({ name: backupFileName(createdAt, 'daily'), createdAt }));
    const doomed = new Set(backupsToDelete(entries));
    const kept = entries.filter((e) => !doomed.has(e.name));
    expect(kept.slice(-10)).toEqual(entries.slice(-10));
    const months = new Set(entries.map((e) => e.createdAt.slice(0, 7)));
    for (const m of months) expect(kept.some((e) => e.createdAt.slice(0, 7) === m)).toBe(true);
    expect(kept.length).toBeLessThan(10 + months.size + 1);
  });
});

describe('marker', () => {
  const marker: Marker = nextMarker(null, { unitId: 'u1', dbVersion: 1, counts: { entries: 10, audit: 12 }, sequences: [mark], counters: {}, updatedAt: '2024-05-11T00:00:00Z' });
  it('an empty database with a marker is lost, never a first start', () => {
    expect(judgeStart(marker, { unitId: null, dbVersion: 1, counts: { units: 71 } })).toEqual({ kind: 'lost', marker });
    expect(judgeStart(null, { unitId: null, dbVersion: 1, counts: {} })).toEqual({ kind: 'first-start' });
  });
  it('warns of fewer rows, another unit, an older schema', () => {
    expect(judgeStart(marker, { unitId: 'u2', dbVersion: 1, counts: { entries: 4, audit: 12 } })).toEqual({ kind: 'ok', warnings: [
      { kind: 'other-unit', recorded: 'u1', found: 'u2' }, { kind: 'fewer-rows', table: 'entries', recorded: 10, found: 4 }] });
  });
  it('sequences in the marker never go down', () => {
    const next = nextMarker(marker, { unitId: 'u1', dbVersion: 1, counts: {}, sequences: [{ ...mark, last: 1 }], counters: {}, updatedAt: '2024-06-01T00:00:00Z' });
    expect(next.sequences).toEqual([mark]);
    expect(mergeMarks([{ ...mark, last: 2 }], [mark], [{ ...mark, last: 0 }])).toEqual([mark]);
  });
});

describe('audit chain', () => {
  const chain = (n: number) => {
    const out: { id: number; action: string; prev: string }[] = [];
    for (let i = 1; i <= n; i++) out.push({ id: i, action: `a${i}`, prev: i === 1 ? GENESIS : auditHash(out[i - 2]) });
    return out;
  };
  it('accepts an intact chain and unchained records before it', () => {
    expect(checkAuditChain(chain(5))).toEqual({ ok: true, chained: 5, unchained: 0 });
    const old = { id: 0, action: 'before the chain' };
    const c = chain(2);
    c[0] = { ...c[0] as { id: number; action: string; prev: string }, prev: auditHash(old) };
    expect(checkAuditChain([old, c[0] as never, { id: 2, action: 'a2', prev: auditHash(c[0]) } as never])).toMatchObject({ ok: true, unchained: 1 });
  });
  it('shows an edited, a removed and a reordered record', () => {
    const edited = chain(5); (edited[1] as { action: string }).action = 'changed';
    expect(checkAuditChain(edited)).toMatchObject({ ok: false, index: 2 });
    expect(checkAuditChain(chain(5).filter((r) => r.id !== 3))).toMatchObject({ ok: false, index: 2 });
    expect(checkAuditChain(chain(5).slice(1))).toMatchObject({ ok: false, index: 0 });
  });
});
