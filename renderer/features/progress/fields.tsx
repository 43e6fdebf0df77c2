// Labelled controls of the entry form. An unreadable value stays in the field, marked
// aria-invalid, with its message tied to it by aria-describedby.
import type { ReactNode } from 'react';
import { ENTRY_STATUSES, type EntryStatus } from '../../../shared/model/report';
import { isEntryStatus } from '../../../shared/progress';
import { useT } from '../../i18n';
import { STATUS_KEY } from './labels';

type Common = { id: string; label: string; value: string; onChange: (v: string) => void; error?: string | null; hint?: ReactNode; className?: string };

function Described({ id, error, hint }: { id: string; error?: string | null; hint?: ReactNode }) {
  return (
    <>
      {hint && <span id={`${id}-hint`} className="field-hint">{hint}</span>}
      {error && <span id={`${id}-error`} className="field-error" role="alert">{error}</span>}
    </>
  );
}

const describedBy = (id: string, error?: string | null, hint?: ReactNode) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export function TextInput({ id, label, value, onChange, error, hint, className, inputMode, placeholder }: Common & { inputMode?: 'decimal' | 'text'; placeholder?: string }) {
  return (
    <div className={`pf ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={value} inputMode={inputMode} placeholder={placeholder} autoComplete="off" spellCheck={false}
        aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)}
        onChange={(e) => onChange(e.target.value)} />
      <Described id={id} error={error} hint={hint} />
    </div>
  );
}

export function TextArea({ id, label, value, onChange, rows = 2, className }: Common & { rows?: number }) {
  return (
    <div className={`pf ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} value={value} rows={rows} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

export function StatusSelect({ id, value, onChange }: { id: string; value: EntryStatus | null; onChange: (s: EntryStatus | null) => void }) {
  const t = useT();
  return (
    <div className="pf">
      <label htmlFor={id}>{t('progress.status.label')}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(isEntryStatus(e.target.value) ? e.target.value : null)}>
        <option value="">{t('progress.status.none')}</option>
        {ENTRY_STATUSES.map((s) => <option key={s} value={s}>{t(STATUS_KEY[s])}</option>)}
      </select>
    </div>
  );
}
