// Adapters from the plan's cells to what the roll-ups need: the target judge over
// shared/cells/target.ts and the money reader over shared/cells/money.ts, so "met" and
// "budget" mean in a consolidation exactly what they mean on every other screen.
import { parseMoney } from '../cells/money';
import { meetsTarget, parseTarget } from '../cells/target';
import type { MoneyReader } from './rollup';
import type { TargetJudge } from './types';

/** The judge of a target cell (`100%`, `Trên 95%`, `17/17`, `Duy trì 100%`, `-`). */
export function judgeTarget(cell: string): TargetJudge {
  const target = parseTarget(cell ?? '');
  const kind: TargetJudge['kind'] =
    target.kind === 'count' ? 'count'
      : target.kind === 'value' || target.kind === 'range' ? (target.unit === 'percent' ? 'percent' : 'number')
        : 'other';
  return {
    kind,
    unitsNeeded: target.kind === 'count' ? target.numerator : null,
    meets: (achieved) => {
      const outcome = meetsTarget(target, achieved);
      return outcome === 'unknown' ? null : outcome === 'met';
    },
  };
}

/** Million VND from a money cell; null for prose (`Ngân sách tỉnh`) or an empty cell. */
export const readMoney: MoneyReader = (cell) => {
  const money = parseMoney(cell);
  return money.kind === 'amount' ? money.millionVnd : null;
};
