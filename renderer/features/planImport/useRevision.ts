// How an incoming plan stands against the installed one (the core's judgeRevision), with the
// number of progress entries each removed item has, for the diff screen.
import { useEffect, useState } from 'react';
import type { PlanDocument } from '../../../shared/model/plan';
import { judgeRevision, type RevisionVerdict } from '../../../shared/plans/revision';
import { useDb } from '../../db/context';
import { plansRepo } from '../plans/plansRepo';
import { planImportRepo } from './planImportRepo';

export type RevisionCheck = { verdict: RevisionVerdict; installed: PlanDocument | null; entryCounts: ReadonlyMap<string, number> };

export function useRevision(incoming: PlanDocument | null): RevisionCheck | null {
  const db = useDb();
  const [check, setCheck] = useState<RevisionCheck | null>(null);
  useEffect(() => {
    let live = true;
    setCheck(null);
    if (!incoming) return undefined;
    void (async () => {
      const installed = await plansRepo.document(db, incoming.plan.id);
      const verdict = judgeRevision(installed, incoming);
      const removed = verdict.kind === 'update' ? verdict.diff.removed.map((it) => it.id) : [];
      const entryCounts = removed.length > 0 ? await planImportRepo.entryCounts(db, incoming.plan.id, removed) : new Map<string, number>();
      if (live) setCheck({ verdict, installed, entryCounts });
    })();
    return () => { live = false; };
  }, [db, incoming]);
  return check;
}
