import { useEffect, useState } from 'react';
import type { PeriodKey } from '../../../shared/model/ids';
import { useDb } from '../../db/context';
import { progressRepo } from './progressRepo';
import type { ReportModel } from './useReport';

/** Opening an empty period carries the last period forward (once); answers the source period. */
export function useStartPeriod(model: ReportModel | null | undefined): PeriodKey | null {
  const db = useDb();
  const [from, setFrom] = useState<{ scope: string; period: PeriodKey } | null>(null);
  const empty = model ? model.rows.length === 0 : false;
  const key = model?.key;
  const items = model?.assigned;
  const scope = key ? `${key.unitId}|${key.planId}|${key.period}` : '';
  useEffect(() => {
    if (!key || !items || !empty) return;
    let live = true;
    void progressRepo.startPeriod(db, key, items.map((a) => a.item)).then((p) => { if (live && p) setFrom({ scope, period: p }); });
    return () => { live = false; };
  }, [db, key, items, empty, scope]);
  return from && from.scope === scope ? from.period : null;
}
