import { useState } from 'react';
import type { PeriodKind, ReportingCalendar } from '../../../shared/model/plan';
import { useT } from '../../i18n';
import type { Editor } from './useEditor';

const KINDS: PeriodKind[] = ['month', 'quarter', 'half', 'year'];
const toDay = (s: string) => Number(s.trim());

/** The reporting calendar: period kinds, due day, cut-off day, yearly due date, consolidation day. */
export function CalendarForm({ editor }: { editor: Editor }) {
  const t = useT();
  const c = editor.doc.plan.calendar;
  const [form, setForm] = useState({
    kinds: c.kinds, dueDay: String(c.dueDay), cutOffDay: String(c.cutOffDay), yearlyDue: c.yearlyDue ?? '', consolidateBy: c.consolidateBy === null ? '' : String(c.consolidateBy),
  });
  const toggle = (k: PeriodKind, on: boolean) => setForm({ ...form, kinds: on ? KINDS.filter((x) => x === k || form.kinds.includes(x)) : form.kinds.filter((x) => x !== k) });
  const submit = () => {
    const calendar: ReportingCalendar = {
      kinds: form.kinds, dueDay: toDay(form.dueDay), cutOffDay: toDay(form.cutOffDay),
      yearlyDue: form.yearlyDue.trim() || null, consolidateBy: form.consolidateBy.trim() ? toDay(form.consolidateBy) : null,
    };
    editor.apply({ op: 'set-calendar', calendar });
  };
  const field = (key: 'dueDay' | 'cutOffDay' | 'yearlyDue' | 'consolidateBy', mode: 'numeric' | 'text') => (
    <label className="pi-field"><span>{t(`planEditor.${key}`)}</span>
      <input inputMode={mode} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} /></label>
  );
  return (
    <section className="pi-card" aria-labelledby="pe-calendar-title">
      <h2 id="pe-calendar-title">{t('planEditor.calendar')}</h2>
      <fieldset className="pe-kinds">
        <legend className="visually-hidden">{t('planEditor.calendar')}</legend>
        {KINDS.map((k) => (
          <label key={k} className="pi-inline">
            <input type="checkbox" checked={form.kinds.includes(k)} onChange={(e) => toggle(k, e.target.checked)} />
            {t(`planEditor.period.${k}`)}
          </label>
        ))}
      </fieldset>
      <div className="pi-form">
        {field('dueDay', 'numeric')}
        {field('cutOffDay', 'numeric')}
        {field('yearlyDue', 'text')}
        {field('consolidateBy', 'numeric')}
      </div>
      <div className="pi-actions"><button type="button" onClick={submit}>{t('planEditor.applyCalendar')}</button></div>
    </section>
  );
}
