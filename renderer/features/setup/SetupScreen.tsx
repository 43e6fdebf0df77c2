import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { UnitId } from '../../../shared/model/ids';
import { useDb } from '../../db/context';
import type { Role } from '../../db/records';
import { useT } from '../../i18n';
import { useUnits } from '../units/unitsRepo';
import { UnitOption, rankUnits } from './unitSearch';
import { completeSetup } from './completeSetup';
import { SetupRestore } from '../backup/RestoreChoices';

const ROLES: Role[] = ['reporter', 'consolidator', 'both'];
const MAX_SHOWN = 60;

export function SetupScreen() {
  const t = useT();
  const db = useDb();
  const units = useUnits();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [picked, setPicked] = useState<UnitId | null>(null);
  const [role, setRole] = useState<Role>('reporter');
  const [demo, setDemo] = useState(true);
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'working' } | { kind: 'error'; message: string }>({ kind: 'idle' });

  const matches = useMemo(() => rankUnits(units ?? [], query), [units, query]);
  const shown = matches.slice(0, MAX_SHOWN);
  const pickedUnit = units?.find((u) => u.id === picked);

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); setActive((a) => Math.min(a + 1, shown.length - 1)); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(a - 1, 0)); }
    else if (e.key === 'Enter' && shown[active]) { e.preventDefault(); setPicked(shown[active].id); }
  };

  const finish = async () => {
    if (!picked) { setState({ kind: 'error', message: t('setup.pickUnitFirst') }); return; }
    setState({ kind: 'working' });
    const r = await completeSetup(db, { unitId: picked, role, demo });
    if (!r.ok) setState({ kind: 'error', message: t('setup.failed', { message: r.message }) });
  };

  return (
    <main className="setup">
      <header className="setup-head">
        <h1>{t('app.name')}</h1>
        <p className="tagline">{t('app.tagline')}</p>
      </header>
      <section className="card" aria-labelledby="setup-title">
        <h2 id="setup-title">{t('setup.title')}</h2>
        <p>{t('setup.intro')}</p>
        <div className="field">
          <label htmlFor="unit-search">{t('setup.unitSearch')}</label>
          <input
            id="unit-search" type="search" value={query} autoFocus autoComplete="off"
            placeholder={t('setup.unitSearchHint')} role="combobox" aria-expanded="true" aria-controls={listId}
            aria-activedescendant={shown[active] ? `${listId}-${active}` : undefined}
            onChange={(e) => { setQuery(e.target.value); setActive(0); }} onKeyDown={onKey}
          />
        </div>
        <p className="muted" aria-live="polite">
          {matches.length === 0 && query ? t('setup.noMatch', { query }) : t('setup.matches', { count: matches.length })}
        </p>
        <ul className="unit-list" id={listId} role="listbox" aria-label={t('setup.unit')}>
          {shown.map((u, i) => (
            <UnitOption key={u.id} id={`${listId}-${i}`} unit={u} units={units ?? []} active={i === active}
              selected={u.id === picked} onPick={() => { setPicked(u.id); setActive(i); }} />
          ))}
        </ul>
        <p className="picked" aria-live="polite">{pickedUnit ? t('setup.selected', { name: pickedUnit.name }) : ''}</p>
        <fieldset className="field">
          <legend>{t('setup.role')}</legend>
          {ROLES.map((r) => (
            <label key={r} className="radio">
              <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} />
              {t(`setup.role.${r}`)}
            </label>
          ))}
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" checked={demo} onChange={(e) => setDemo(e.target.checked)} />
          {t('setup.demo')}
        </label>
        {state.kind === 'error' && <p className="error" role="alert">{state.message}</p>}
        <div className="actions">
          <button type="button" className="primary" disabled={state.kind === 'working'} onClick={() => void finish()}>
            {state.kind === 'working' ? t('setup.working') : t('setup.finish')}
          </button>
        </div>
      </section>
      <SetupRestore />
    </main>
  );
}
