// Messages of the progress screens: Vietnamese first; English must have the same keys (a compile error otherwise).
export const vi = {
  'progress.title': 'Báo cáo tiến độ',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'progress.title': 'Progress report',
};
