import { describe, expect, it, vi } from 'vitest';
import type { OpenResult, PlanBookDb } from '../../../renderer/db/database';
import { replaceDamagedDatabase } from '../../../renderer/db/replaceDamaged';

const opened: OpenResult = { ok: true, db: {} as PlanBookDb, readOnly: null };
const broken: OpenResult = { ok: false, reason: 'failed', name: 'UnknownError', message: 'Internal error opening backing store' };
const damaged = () => Promise.reject(new DOMException('Internal error opening backing store for indexedDB.deleteDatabase.', 'UnknownError'));

describe('replacing a database that does not open', () => {
  it('deletes and reopens it when the page can', async () => {
    const clearStorage = vi.fn(async () => ({ ok: true }) as const);
    const r = await replaceDamagedDatabase({ deleteDb: async () => undefined, open: async () => opened, clearStorage });
    expect(r).toEqual({ ok: true, opened });
    expect(clearStorage).not.toHaveBeenCalled();
  });

  it('asks the host to remove the files when the page cannot delete the damaged store, then opens an empty one', async () => {
    const open = vi.fn(async () => opened);
    const clearStorage = vi.fn(async () => ({ ok: true }) as const);
    const r = await replaceDamagedDatabase({ deleteDb: damaged, open, clearStorage });
    expect(r.ok).toBe(true);
    expect(clearStorage).toHaveBeenCalledOnce();
    expect(open).toHaveBeenCalledOnce(); // not before the files are gone
  });

  it('asks the host too when the delete seemed to work but the store still does not open', async () => {
    const open = vi.fn<() => Promise<OpenResult>>().mockResolvedValueOnce(broken).mockResolvedValueOnce(opened);
    const r = await replaceDamagedDatabase({ deleteDb: async () => undefined, open, clearStorage: async () => ({ ok: true }) });
    expect(r.ok).toBe(true);
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('says the user must clear the site data when the host cannot (browser), with the browser\'s words', async () => {
    const r = await replaceDamagedDatabase({ deleteDb: damaged, open: async () => opened });
    expect(r).toEqual({ ok: false, hostCanClear: false, message: 'Internal error opening backing store for indexedDB.deleteDatabase.' });
  });

  it('reports a host that failed to clear, or a store that still does not open', async () => {
    expect(await replaceDamagedDatabase({ deleteDb: damaged, open: async () => opened, clearStorage: async () => ({ ok: false, reason: 'failed' }) }))
      .toMatchObject({ ok: false, hostCanClear: true });
    expect(await replaceDamagedDatabase({ deleteDb: damaged, open: async () => broken, clearStorage: async () => ({ ok: true }) }))
      .toEqual({ ok: false, hostCanClear: true, message: 'Internal error opening backing store' });
  });
});
