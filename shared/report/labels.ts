// Vietnamese words the report prints for machine values, in one place so print and Excel agree.
import type { BoardState } from '../consolidation';
import type { SectionKind } from '../model/plan';
import type { EntryStatus } from '../model/report';

export const STATUS_VI: Record<EntryStatus, string> = {
  'not-started': 'Chưa triển khai',
  'in-progress': 'Đang triển khai',
  done: 'Hoàn thành',
  'done-late': 'Hoàn thành trễ hạn',
  'carried-over': 'Chuyển sang năm sau',
  dropped: 'Không thực hiện',
};

/** Order of status columns: finished first, as the leadership reads them. */
export const STATUS_ORDER: readonly EntryStatus[] = ['done', 'done-late', 'in-progress', 'not-started', 'carried-over', 'dropped'];

export const BOARD_VI: Record<BoardState, string> = { 'on-time': 'Đúng hạn', late: 'Trễ hạn', missing: 'Chưa báo cáo' };

export const KIND_TITLE_VI: Record<SectionKind, string> = {
  tasks: 'Nhiệm vụ',
  indicators: 'Chỉ tiêu',
  projects: 'Dự án, kinh phí',
};

/** `Tháng 5/2024` → `tháng 5/2024` inside a sentence. */
export const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
