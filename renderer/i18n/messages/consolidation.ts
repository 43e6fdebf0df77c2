// Messages of the consolidation screens: Vietnamese first; English must have the same keys (a compile error otherwise).
export const vi = {
  'consolidation.title': 'Tổng hợp báo cáo',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'consolidation.title': 'Consolidation',
};
