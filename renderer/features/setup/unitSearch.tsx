import { fold } from '../../../shared/text/fold';
import type { UnitRecord } from '../../db/records';
import { useT } from '../../i18n';
import { formatDateVi } from '../../../shared/format/vi';

/** Units matching every folded word of the query; current units before merged ones, then by name. */
export function rankUnits(units: readonly UnitRecord[], query: string): UnitRecord[] {
  const words = fold(query).split(' ').filter(Boolean);
  return units
    .filter((u) => words.every((w) => u.searchKey.includes(w)))
    .sort((a, b) => Number(a.validTo !== null) - Number(b.validTo !== null) || a.name.localeCompare(b.name, 'vi', { numeric: true }));
}

type Props = { id: string; unit: UnitRecord; units: readonly UnitRecord[]; active: boolean; selected: boolean; onPick: () => void };

export function UnitOption({ id, unit, units, active, selected, onPick }: Props) {
  const t = useT();
  const parent = unit.parentId ? units.find((u) => u.id === unit.parentId) : undefined;
  return (
    <li id={id} role="option" aria-selected={selected} className={active ? 'active' : undefined} onClick={onPick}>
      <span className="unit-name">{unit.name}</span>
      <span className="unit-meta">
        {parent?.name}
        {unit.validTo ? ` · ${t('unit.former', { date: formatDateVi(unit.validTo) })}` : ''}
      </span>
    </li>
  );
}
