// The names a signed plan package gives its units (`units[].aliases`: the spellings the issuer
// mapped to a unit when it imported the plan, e.g. `UBND P. Thắng Tam`) reach the units that
// install the plan: without them a ward would not find itself in a cell the issuer resolved, and
// would miss an item it leads. Only aliases of units the receiver already knows are adopted; a
// unit unknown to the receiver is not invented from a plan (the directory stays the receiver's).
import type { UnitId } from '../model/ids';
import type { PlanUnit } from '../model/units';
import { hasInvisibleCharacters } from '../packages/sanitize';

/** Longest alias adopted: a unit's name as a plan writes it, not a paragraph. */
export const MAX_ALIAS_CHARS = 200;

export type AliasAdoption = { unitId: UnitId; add: string[] };

/** Per known unit, the plan's aliases it lacks (trimmed, not its name, no duplicates, no control or bidi characters). */
export function planAliasesFor(known: readonly { id: UnitId; name: string; aliases: readonly string[] }[], planUnits: readonly PlanUnit[]): AliasAdoption[] {
  const byId = new Map(known.map((u) => [u.id, u]));
  const out = new Map<UnitId, string[]>();
  for (const pu of planUnits) {
    const unit = byId.get(pu.id);
    if (!unit) continue;
    const have = new Set([unit.name, ...unit.aliases, ...(out.get(unit.id) ?? [])]);
    const add = out.get(unit.id) ?? [];
    for (const raw of pu.aliases) {
      const alias = raw.trim();
      if (alias === '' || alias.length > MAX_ALIAS_CHARS || hasInvisibleCharacters(alias) || have.has(alias)) continue;
      have.add(alias);
      add.push(alias);
    }
    if (add.length > 0) out.set(unit.id, add);
  }
  return [...out].map(([unitId, add]) => ({ unitId, add }));
}
