// Branded identifiers: a plain string cannot be passed where a UnitId is expected by accident.
export type UnitId = string & { readonly __brand: 'UnitId' };
export type PlanId = string & { readonly __brand: 'PlanId' };
export type SectionId = string & { readonly __brand: 'SectionId' };
export type ItemId = string & { readonly __brand: 'ItemId' };
/** `2024-05` (month), `2024-Q2`, `2024-H1`, `2024` (year): DESIGN.md, contract. */
export type PeriodKey = string & { readonly __brand: 'PeriodKey' };
/** ISO date `2024-05-12` (calendar date, no time zone). */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

export const unitId = (s: string) => s as UnitId;
export const planId = (s: string) => s as PlanId;
export const sectionId = (s: string) => s as SectionId;
export const itemId = (s: string) => s as ItemId;
