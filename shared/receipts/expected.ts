// Who a consolidating unit expects reports from, read from the unit directory: its children
// that report as localities (wards, communes, districts, cities), valid during the period's data
// window. A department or office that consolidates for its people's committee (the city's
// Phòng Văn hóa và Thông tin for UBND thành phố) expects the children of that committee.
import type { UnitId } from '../model/ids';
import type { UnitKind } from '../model/units';
import type { DataWindow } from '../periods/calendar';
import { childrenOf, type Directory } from '../units/directory';

const LOCALITY: ReadonlySet<UnitKind> = new Set(['ward', 'commune', 'district', 'city']);
const SUB_UNIT: ReadonlySet<UnitKind> = new Set(['department', 'office', 'agency', 'committee']);

export type Expected = { consolidating: UnitId; expected: UnitId[] };

export function expectedChildren(directory: Directory, self: UnitId, window: DataWindow): Expected {
  const when = { from: window.from, to: window.to };
  const me = directory.units.get(self);
  const localities = (id: UnitId) => childrenOf(directory, id, when).filter((u) => LOCALITY.has(u.kind)).map((u) => u.id);
  const own = localities(self);
  if (own.length > 0 || !me?.parentId || !SUB_UNIT.has(me.kind)) return { consolidating: self, expected: own };
  return { consolidating: me.parentId, expected: localities(me.parentId) };
}
