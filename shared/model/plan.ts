import type { IsoDate, ItemId, PeriodKey, PlanId, SectionId, UnitId } from './ids';

export type ItemKind = 'task' | 'indicator' | 'project';
export type SectionKind = 'tasks' | 'indicators' | 'projects';
export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';

/** The plan's reporting calendar (DESIGN.md, Periods). Days are editable per plan, never hard-coded. */
export type ReportingCalendar = {
  /** Which period kinds units report for, e.g. ['month'] for wards, ['half', 'year'] for departments. */
  kinds: PeriodKind[];
  /** Day of the month after the period's end on which the report is due (12 for the Vũng Tàu wards). */
  dueDay: number;
  /** Data cut-off day: the period's data runs from the day after cutOffDay of the previous month (10 → 11th) to cutOffDay. */
  cutOffDay: number;
  /** For yearly reports: due date inside the year itself, `MM-DD` (15/12 → `12-15`); null: the usual dueDay after the year. */
  yearlyDue: string | null;
  /** Day on which the consolidating unit must have merged (25 for the city), informative. */
  consolidateBy: number | null;
};

export type Plan = {
  id: PlanId;
  revision: number;
  title: string;
  decision: string | null;
  issuer: string;
  issuedOn: IsoDate | null;
  periodFrom: PeriodKey;
  periodTo: PeriodKey;
  calendar: ReportingCalendar;
  /** The unit that issues and consolidates the plan, when known. */
  issuerUnitId?: UnitId | null;
  /**
   * Who carries an item that names no unit: the plan is addressed to these units or groups
   * (unit ids or group ids of the directory). The Vũng Tàu 2024 plan: every ward and city department.
   */
  addressedTo?: string[];
  /** Free text of the plan's reporting duties, as written. */
  reporting?: string[];
  /** The last number the plan editor used for a new item or section id (shared/plans/edit.ts): never reused. */
  idCounter?: number;
};

export type Section = { id: SectionId; code: string; title: string; kind: SectionKind };

/** One row of an appendix. Every cell is kept verbatim; parsed values are derived from these. */
export type PlanItem = {
  id: ItemId;
  kind: ItemKind;
  sectionId: SectionId | null;
  no: string;
  content: string;
  lead: string;
  coordinating: string;
  due: string;
  target: string;
  note: string;
  /** Indicators: `Phân công thành viên BCĐ theo dõi`. */
  monitor?: string;
  /** Indicators: the baseline cell (`Hiện trạng đến tháng 5/2023`) and its as-of period. */
  baseline?: string;
  baselineAsOf?: string;
  /** Indicators: `Chỉ tiêu của UBQG`. */
  nationalTarget?: string;
  /** Projects: money cells verbatim, in million VND. */
  budgetTotal?: string;
  budgetByYear?: Record<string, string>;
  fundingSource?: string;
  /** The whole source text when the row was split from prose (Vũng Tàu indicators). */
  text?: string;
};

export type PlanDocument = { plan: Plan; sections: Section[]; items: PlanItem[] };
