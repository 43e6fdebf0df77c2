import type { IsoDate, ItemId } from './ids';

/** DESIGN.md contract: chưa triển khai, đang triển khai, hoàn thành, hoàn thành trễ hạn, chuyển sang năm sau, không thực hiện. */
export const ENTRY_STATUSES = ['not-started', 'in-progress', 'done', 'done-late', 'carried-over', 'dropped'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export type Evidence = { ref: string; date: IsoDate | null; note: string };

export type Entry = {
  itemId: ItemId;
  status: EntryStatus | null;
  percent: number | null;
  result: string;
  difficulties: string;
  proposals: string;
  evidence: Evidence[];
  completedOn: IsoDate | null;
};

/** An indicator's value: a ratio (23.391/23.802), a plain number, or text. `value` is the percentage when a ratio. */
export type IndicatorValue = {
  itemId: ItemId;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  text: string;
};

export type ProjectValue = { itemId: ItemId; disbursedMillionVnd: number | null };

/** DESIGN.md payload `report`: a full snapshot of the unit's period, never a delta. */
export type ReportPayload = {
  entries: Entry[];
  indicatorValues: IndicatorValue[];
  projectValues: ProjectValue[];
  narrative: string;
};
