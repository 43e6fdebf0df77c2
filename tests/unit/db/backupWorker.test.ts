// The backup worker, its message handler run here on fake-indexeddb: it reads every table itself
// in one transaction and builds the same file, byte for byte, as the screen's own thread does.
import { afterAll, describe, expect, it } from 'vitest';
import { backupOfTables, readTables } from '../../../renderer/features/backup/snapshot';
import type { FromBackupWorker } from '../../../renderer/workers/backupProtocol';
import { parseBackup } from '../../../shared/backup';
import { fillWard, freshDb, key } from './backupFixtures';

const posted: FromBackupWorker[] = [];
const scope = globalThis as unknown as { self?: { postMessage: (m: FromBackupWorker) => void; onmessage?: (e: { data: unknown }) => Promise<void> } };
scope.self = { postMessage: (m) => { posted.push(m); } };
afterAll(() => { delete scope.self; });

async function ask(dbName: string, tables: string[], header: { createdAt: string; dbVersion: number; reason: 'before-import' }) {
  posted.length = 0;
  await import('../../../renderer/workers/backup.worker');
  await scope.self?.onmessage?.({ data: { id: 3, dbName, tables, header } });
  return [...posted];
}

describe('backup worker', () => {
  it('builds the same bytes as the screen\'s thread, from its own read of every table', async () => {
    const db = await freshDb('bkw');
    await fillWard(db);
    const header = { createdAt: '2024-05-20T08:00:00.000Z', dbVersion: db.verno, reason: 'before-import' as const };
    const here = backupOfTables(await readTables(db), header);
    const [answer, ...more] = await ask(db.name, db.tables.map((t) => t.name), header);
    expect(more).toEqual([]);
    expect(answer?.type).toBe('done');
    if (answer?.type !== 'done' || !answer.built.ok || !here.ok) throw new Error('no backup');
    expect(Buffer.from(answer.built.bytes).equals(Buffer.from(here.bytes))).toBe(true);
    expect(answer.built.header).toEqual(here.header);
    expect(answer.built.header).toMatchObject({ unitId: key.unitId, counts: { audit: 2, exported: 1, sequences: 1 } });
    expect(parseBackup(answer.built.bytes, { dbVersion: db.verno, tables: db.tables.map((t) => t.name) }).ok).toBe(true);
  });

  it('answers crashed for a database that is not there, without creating it', async () => {
    const name = `absent-bk-${Date.now()}`;
    expect((await ask(name, ['settings'], { createdAt: 'x', dbVersion: 1, reason: 'before-import' })).map((m) => m.type)).toEqual(['crashed']);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });
});
