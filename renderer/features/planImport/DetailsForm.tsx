import type { ReactNode } from 'react';
import { useT, type MessageKey } from '../../i18n';
import { PERIOD_KINDS, type Details } from './details';

function Field({ label, children }: { label: MessageKey; children: ReactNode }) {
  const t = useT();
  return <label className="pi-field"><span>{t(label)}</span>{children}</label>;
}

/** Plan id, title, decision, period and the reporting calendar, as a draft (checked on Next). */
export function DetailsForm({ value, onChange }: { value: Details; onChange: (d: Details) => void }) {
  const t = useT();
  const set = <K extends keyof Details>(k: K, v: Details[K]) => onChange({ ...value, [k]: v });
  const text = (k: 'id' | 'title' | 'decision' | 'issuer' | 'periodFrom' | 'periodTo' | 'dueDay' | 'cutOffDay', wide = false) => (
    <Field label={`planImport.detail.${k}`}>
      <input type="text" className={wide ? 'pi-wide' : undefined} value={value[k]} onChange={(e) => set(k, e.target.value)} />
    </Field>
  );
  return (
    <section className="pi-card" aria-labelledby="pi-details">
      <h2 id="pi-details">{t('planImport.details')}</h2>
      <div className="pi-form">
        {text('title', true)}
        {text('id')}
        {text('decision')}
        {text('issuer', true)}
        {text('periodFrom')}
        {text('periodTo')}
      </div>
      <fieldset className="pi-calendar">
        <legend>{t('planImport.detail.calendar')}</legend>
        {PERIOD_KINDS.map((k) => (
          <label key={k} className="checkbox">
            <input type="checkbox" checked={value.kinds.includes(k)}
              onChange={(e) => set('kinds', e.target.checked ? [...value.kinds, k] : value.kinds.filter((x) => x !== k))} />
            {t(`planImport.detail.kind.${k}`)}
          </label>
        ))}
        <div className="pi-form">
          {text('dueDay')}
          {text('cutOffDay')}
        </div>
      </fieldset>
    </section>
  );
}
