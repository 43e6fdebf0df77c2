import { useMemo, useState } from 'react';
import type { UnitId } from '../../../shared/model/ids';
import type { PlanDocument } from '../../../shared/model/plan';
import { searchUnits, type Directory } from '../../../shared/units/directory';
import { useDb } from '../../db/context';
import { useT } from '../../i18n';
import { planImportRepo } from './planImportRepo';
import { unresolvedNames, type UnresolvedName } from './planFacts';

const LIMIT = 40;

function NameRow({ entry, directory, planId, onDone }: { entry: UnresolvedName; directory: Directory; planId: string; onDone: (text: string) => void }) {
  const t = useT();
  const db = useDb();
  const [query, setQuery] = useState(entry.name);
  const [picked, setPicked] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const candidates = useMemo(() => {
    const found = searchUnits(directory, query, { limit: LIMIT });
    return found.length > 0 ? found : searchUnits(directory, query.split(/\s+/u).slice(-2).join(' '), { limit: LIMIT });
  }, [directory, query]);
  const unit = picked ? directory.units.get(picked) : undefined;
  const remember = async () => {
    if (!unit) return;
    setBusy(true);
    try {
      if (await planImportRepo.rememberAlias(db, unit.id as UnitId, entry.name, planId)) onDone(t('planImport.unitRemembered', { name: entry.name, unit: unit.name }));
    } finally { setBusy(false); }
  };
  return (
    <li className="pi-unit-row">
      <span className="pi-unit-name"><strong>{entry.name}</strong> <span className="muted">{t('planImport.unitItems', { count: entry.items.length })}</span></span>
      <input type="search" aria-label={t('planImport.unitSearch', { name: entry.name })} value={query} onChange={(e) => setQuery(e.target.value)} />
      <select aria-label={t('planImport.unitPick', { name: entry.name })} value={picked} onChange={(e) => setPicked(e.target.value)}>
        <option value="">{t('planImport.unitNone')}</option>
        {candidates.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
      </select>
      <button type="button" disabled={!unit || busy} onClick={() => void remember()}
        aria-label={unit ? t('planImport.unitRememberFor', { name: entry.name, unit: unit.name }) : undefined}>
        {t('planImport.unitRemember')}
      </button>
    </li>
  );
}

/** Names the directory does not know, each with a picker; a choice is remembered as an alias (audited). */
export function UnitNamesPanel({ doc, directory }: { doc: PlanDocument; directory: Directory }) {
  const t = useT();
  const [note, setNote] = useState('');
  const names = useMemo(() => unresolvedNames(doc, directory), [doc, directory]);
  if (names.length === 0 && note === '') return null;
  return (
    <section className="pi-card" aria-labelledby="pi-units">
      <h2 id="pi-units">{t('planImport.units', { count: names.length })}</h2>
      <p className="muted">{t('planImport.unitsHint')}</p>
      {note && <p role="status" className="ok-text">{note}</p>}
      <ul className="pi-unit-list">
        {names.map((n) => <NameRow key={n.name} entry={n} directory={directory} planId={doc.plan.id} onDone={setNote} />)}
      </ul>
    </section>
  );
}
