import { describe, expect, it } from 'vitest';
import { PlanBookDb } from '../../../renderer/db/database';
import { receivedRepo } from '../../../renderer/features/consolidation/receivedRepo';
import { recheckHeld, startImport, type ImportLine } from '../../../renderer/features/consolidation/importer';
import { verifyDirect } from '../../../renderer/workers/verifyDirect';
import { resolveSequences } from '../../../shared/consolidation';
import { buildConsolidatedPackage, type Package } from '../../../shared/packages';
import { PLAN_ID, PLAN_PERIODS, PLAN_REVISION, aReport, signed, testKey } from '../../helpers/packages';

const uniq = (() => { let n = 0; return (p: string) => `${p}-${Date.now()}-${n++}`; })();
const scope = { id: PLAN_ID, periods: PLAN_PERIODS };
type File = { name: string; bytes: Uint8Array };

async function files() {
  const mk = async (name: string, unit: string, sequence: number, narrative = `Báo cáo ${unit} số ${sequence}`) =>
    ({ name, bytes: (await signed(aReport({ unit, sequence, narrative }), unit)).bytes });
  const p7a = await mk('p7-1.json', 'p7', 1);
  const p7b = await mk('p7-2.json', 'p7', 2);
  const p8 = await mk('p8-1.json', 'p8', 1);
  const p9x = await mk('p9-1.json', 'p9', 1, 'một nội dung');
  const p9y = await mk('p9-1-khac.json', 'p9', 1, 'nội dung khác');
  const tampered = { name: 'p10.json', bytes: new TextEncoder().encode(new TextDecoder().decode((await mk('p10.json', 'p10', 1)).bytes).replace('p10 số 1', 'p10 số 9')) };
  const stranger = await mk('la.json', 'p11', 1); // p11's key is never trusted
  const reformatted = { name: 'p8-copy.json', bytes: new TextEncoder().encode(`${JSON.stringify(JSON.parse(new TextDecoder().decode(p8.bytes)), null, 2)}\n`) };
  return { p7a, p7b, p8, p9x, p9y, tampered, stranger, reformatted };
}

async function freshDb(): Promise<PlanBookDb> {
  const db = new PlanBookDb(uniq('cons'));
  await db.open();
  for (const unit of ['p7', 'p8', 'p9', 'p10']) {
    const r = await receivedRepo.trustKey(db, { unitId: unit, publicKey: testKey(unit).publicKeyB64, source: 'manual', validFrom: null, how: 'test' });
    expect(r).toEqual({ ok: true, added: true });
  }
  return db;
}

async function importAll(db: PlanBookDb, batch: readonly File[]): Promise<ImportLine[]> {
  const lines: ImportLine[] = [];
  const run = await startImport(db, batch, scope, verifyDirect, { onProgress: () => undefined, onLine: (l) => lines.push(l) });
  expect(await run.done).toEqual({ ok: true, cancelled: false });
  return lines.sort((a, b) => a.index - b.index);
}

/** What must not depend on order: the rows (without arrival time and outcome) and how they resolve. */
async function state(db: PlanBookDb) {
  const rows = (await db.received.toArray()).map(({ id: _i, receivedAt: _r, outcome: _o, ...rest }) => rest).sort((a, b) => (a.bytesHash < b.bytesHash ? -1 : 1));
  const { resolutions, lines } = resolveSequences(rows.filter((r) => r.reason === 'ok').flatMap((r) => r.submissions));
  return { rows, resolutions, accepted: lines.map((l) => l.accepted?.packageId ?? null) };
}

describe('consolidation import (Dexie)', () => {
  it('gives each file one outcome, keeps every distinct file, and a second import changes nothing', async () => {
    const f = await files();
    const db = await freshDb();
    const batch = [f.p7a, f.p7b, f.p8, f.p9x, f.p9y, f.tampered, f.stranger, f.reformatted, f.p8];
    const lines = await importAll(db, batch);
    expect(lines.map((l) => [l.fileName, l.outcome])).toEqual([
      ['p7-1.json', 'ok'], ['p7-2.json', 'supersedes'], ['p8-1.json', 'ok'], ['p9-1.json', 'ok'], ['p9-1-khac.json', 'conflict'],
      ['p10.json', 'bad-signature'], ['la.json', 'unknown-key'], ['p8-copy.json', 'duplicate'], ['p8-1.json', 'duplicate'],
    ]);
    expect(await db.received.count()).toBe(8); // the same bytes twice are kept once
    const before = await state(db);
    const audit = await db.audit.count();

    const again = await importAll(db, batch);
    expect(again.every((l) => l.outcome === 'duplicate')).toBe(true);
    expect(await state(db)).toEqual(before);
    expect(await db.audit.count()).toBe(audit);
    db.close();
  });

  it('leaves the same rows and resolutions whatever the order', async () => {
    const f = await files();
    const all = [f.p7a, f.p7b, f.p8, f.p9x, f.p9y, f.tampered, f.stranger, f.reformatted];
    const orders = [all, [...all].reverse(), [all[3], all[1], all[7], all[0], all[6], all[2], all[5], all[4]], [all[4], all[7], all[1], all[5], all[0], all[2], all[6], all[3]]];
    const states = [];
    for (const order of orders) {
      const db = await freshDb();
      await importAll(db, order.filter((x): x is File => x !== undefined));
      states.push(await state(db));
      db.close();
    }
    for (const s of states.slice(1)) expect(s).toEqual(states[0]);
    // p7 counts with sequence 2; p9's sequence 1 is in conflict; p8 counts once.
    expect(states[0]?.accepted).toEqual(['report:p7:vt-2024:2024-05:2', 'report:p8:vt-2024:2024-05:1', null]);
  });

  it('a later lower sequence is stale, and stored as evidence only', async () => {
    const f = await files();
    const db = await freshDb();
    await importAll(db, [f.p7b]);
    const [line] = await importAll(db, [f.p7a]);
    expect(line?.outcome).toBe('stale');
    expect(await db.received.count()).toBe(2);
    db.close();
  });

  it('a file lands whole or not at all: a failing audit line leaves no row', async () => {
    const f = await files();
    const db = await freshDb();
    db.audit.hook('creating', () => { throw new Error('disk full'); });
    const run = await startImport(db, [f.p8], scope, verifyDirect, { onProgress: () => undefined, onLine: () => undefined });
    const end = await run.done;
    expect(end.ok).toBe(false);
    expect(await db.received.count()).toBe(0);
    db.close();
  });

  it('a held file passes once the officer trusts its key, audited', async () => {
    const f = await files();
    const db = await freshDb();
    await importAll(db, [f.stranger]);
    expect((await db.received.toArray())[0]?.reason).toBe('unknown-key');
    await receivedRepo.trustKey(db, { unitId: 'p11', publicKey: testKey('p11').publicKeyB64, source: 'manual', validFrom: null, how: 'fingerprint compared' });
    const end = await recheckHeld(db, scope, verifyDirect, { onProgress: () => undefined, onLine: () => undefined });
    expect(end).toEqual({ ok: true, cancelled: false });
    const row = (await db.received.toArray())[0];
    expect([row?.reason, row?.outcome, row?.submissions.length]).toEqual(['ok', 'ok', 1]);
    expect((await db.audit.toArray()).map((a) => a.action)).toContain('package-reverified');
    db.close();
  });

  it('as the province, a city package is re-verified ward by ward, and a ward received both directly and inside counts once', async () => {
    const f = await files();
    const db = await freshDb();
    await receivedRepo.trustKey(db, { unitId: 'city', publicKey: testKey('city').publicKeyB64, source: 'manual', validFrom: null, how: 'test' });
    const child = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes)) as Package;
    const city = await signed(buildConsolidatedPackage(
      { unitId: 'city', planId: PLAN_ID, planRevision: PLAN_REVISION, period: '2024-05', sequence: 1, createdAt: '2024-05-20T08:00:00Z' },
      [child(f.p7b.bytes), child(f.p8.bytes)], { units: [] },
    ), 'city');
    const lines = await importAll(db, [{ name: 'city.json', bytes: city.bytes }, f.p8]);
    expect(lines.map((l) => l.outcome)).toEqual(['ok', 'duplicate']); // already received inside the city package
    expect(await db.received.count()).toBe(2); // both kept as evidence
    const rows = await db.received.toArray();
    const { resolutions, lines: seq } = resolveSequences(rows.flatMap((r) => r.submissions));
    const p8 = seq.find((l) => l.unitId === 'p8');
    expect(p8?.distinct).toHaveLength(1); // the direct copy counts, the one inside the city package is its duplicate
    expect(p8?.accepted?.direct).toBe(true);
    expect(resolutions.filter((r) => r.unitId === 'p8').map((r) => r.reason).sort()).toEqual(['duplicate', 'ok']);
    expect(seq.find((l) => l.unitId === 'p7')?.accepted?.direct).toBe(false); // p7 arrived only inside

    // A ward inside the city package whose own signature fails makes the whole package refused.
    const forged = child(f.p8.bytes) as Package<'report'>;
    forged.payload.narrative = 'đã sửa';
    const bad = await signed(buildConsolidatedPackage(
      { unitId: 'city', planId: PLAN_ID, planRevision: PLAN_REVISION, period: '2024-05', sequence: 2, createdAt: '2024-05-21T08:00:00Z' }, [forged], { units: [] },
    ), 'city');
    const [refused] = await importAll(db, [{ name: 'city-2.json', bytes: bad.bytes }]);
    expect(refused?.outcome).toBe('bad-signature');
    db.close();
  });
});
