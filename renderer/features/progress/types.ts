export type { PlanItem } from '../../../shared/model/plan';
import type { Plan } from '../../../shared/model/plan';
/** What the progress screens need of a plan row. */
export type PlanRecordLike = Pick<Plan, 'id' | 'title' | 'calendar' | 'revision' | 'periodFrom' | 'periodTo'>;
