import { useEffect, useRef, useState } from 'react';
import { useDb } from '../../db/context';
import { useT } from '../../i18n';
import { autosaverFor } from './autosave';
import { progressRepo, type ReportKey } from './progressRepo';

const DELAY_MS = 400;
const JOURNAL = 'planbook.progress.narrative';

type Props = { reportKey: ReportKey; stored: string; confirmed: boolean };

/**
 * The period's opening text. Local while typing, journalled at once, stored after a pause (or
 * at once on any flush of the autosaver, or on leaving), each stored burst one undo step.
 */
export function NarrativeEditor({ reportKey, stored, confirmed }: Props) {
  const t = useT();
  const db = useDb();
  const saver = autosaverFor(db);
  const [text, setText] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const unsaved = useRef<string | null>(null);
  const value = text ?? stored;

  const save = async (next: string) => {
    if (timer.current) { clearTimeout(timer.current); timer.current = null; }
    if (unsaved.current === next) unsaved.current = null;
    await saver.saveNarrative(reportKey, next);
    try { localStorage.removeItem(JOURNAL); } catch { /* nothing to clear */ }
    setText((cur) => (cur === next ? null : cur));
  };
  const saveRef = useRef(save);
  saveRef.current = save;

  useEffect(() => {
    const flushNow = async () => { const next = unsaved.current; if (next !== null) await saveRef.current(next); };
    const remove = saver.addFlusher(flushNow);
    return () => { remove(); void flushNow(); };
  }, [saver]);

  return (
    <div className="item-editor narrative">
      <h2 id="narrative-title">{t('progress.list.narrative')}</h2>
      <p id="narrative-hint" className="muted small">{t('progress.field.narrativeHint')}</p>
      {!confirmed && (
        <p className="unconfirmed-note" role="note">
          {t('progress.narrative.unconfirmed')}{' '}
          <button type="button" onClick={() => void progressRepo.confirmNarrative(db, reportKey)}>{t('progress.item.confirm')}</button>
        </p>
      )}
      <label htmlFor="pf-narrative" className="visually-hidden">{t('progress.field.narrative')}</label>
      <textarea id="pf-narrative" rows={14} value={value} aria-describedby="narrative-hint"
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          unsaved.current = next;
          try { localStorage.setItem(JOURNAL, JSON.stringify({ key: reportKey, text: next })); } catch { /* the pause-save still runs */ }
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => void save(next), DELAY_MS);
        }}
        onBlur={() => { if (unsaved.current !== null) void save(unsaved.current); }} />
    </div>
  );
}

/** Stores a narrative a reload interrupted. */
export async function recoverNarrative(db: Parameters<typeof progressRepo.saveNarrative>[0]): Promise<boolean> {
  try {
    const raw = localStorage.getItem(JOURNAL);
    if (!raw) return false;
    const j = JSON.parse(raw) as { key: ReportKey; text: string };
    await progressRepo.saveNarrative(db, j.key, j.text, 'recovered');
    localStorage.removeItem(JOURNAL);
    return true;
  } catch { return false; }
}
