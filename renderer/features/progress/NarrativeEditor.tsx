import { useEffect, useRef, useState } from 'react';
import { useDb } from '../../db/context';
import { useT } from '../../i18n';
import { progressRepo, type ReportKey } from './progressRepo';

const DELAY_MS = 400;
const JOURNAL = 'planbook.progress.narrative';

/** The period's opening text. Local while typing, journalled at once, stored after a pause. */
export function NarrativeEditor({ reportKey, stored }: { reportKey: ReportKey; stored: string }) {
  const t = useT();
  const db = useDb();
  const [text, setText] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const value = text ?? stored;

  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);
  const save = (next: string) => {
    void progressRepo.saveNarrative(db, reportKey, next).then(() => {
      try { localStorage.removeItem(JOURNAL); } catch { /* nothing to clear */ }
      setText((cur) => (cur === next ? null : cur));
    });
  };
  return (
    <div className="item-editor narrative">
      <h2 id="narrative-title">{t('progress.list.narrative')}</h2>
      <p id="narrative-hint" className="muted small">{t('progress.field.narrativeHint')}</p>
      <label htmlFor="pf-narrative" className="visually-hidden">{t('progress.field.narrative')}</label>
      <textarea id="pf-narrative" rows={14} value={value} aria-describedby="narrative-hint"
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          try { localStorage.setItem(JOURNAL, JSON.stringify({ key: reportKey, text: next })); } catch { /* the pause-save still runs */ }
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => save(next), DELAY_MS);
        }}
        onBlur={() => { if (text !== null) { if (timer.current) clearTimeout(timer.current); save(text); } }} />
    </div>
  );
}

/** Stores a narrative a reload interrupted. */
export async function recoverNarrative(db: Parameters<typeof progressRepo.saveNarrative>[0]): Promise<boolean> {
  try {
    const raw = localStorage.getItem(JOURNAL);
    if (!raw) return false;
    const j = JSON.parse(raw) as { key: ReportKey; text: string };
    await progressRepo.saveNarrative(db, j.key, j.text);
    localStorage.removeItem(JOURNAL);
    return true;
  } catch { return false; }
}
