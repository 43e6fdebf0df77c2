import { useCallback } from 'react';
import { en as coreEn } from './en';
import { vi as coreVi } from './vi';
import * as progress from './messages/progress';
import * as consolidation from './messages/consolidation';
import * as planImport from './messages/planImport';
import * as backup from './messages/backup';
import * as dashboard from './messages/dashboard';
import * as keys from './messages/keys';
import * as planEditor from './messages/planEditor';
import { useUi } from '../state';

// Each feature keeps its messages in its own module (messages/*.ts), merged here.
const vi = { ...coreVi, ...progress.vi, ...consolidation.vi, ...planImport.vi, ...backup.vi,
  ...keys.vi,
  ...planEditor.vi,
  ...dashboard.vi };
export type MessageKey = keyof typeof vi;
export type Lang = 'vi' | 'en';
const DICTS: Record<Lang, Record<MessageKey, string>> = { vi, en: { ...coreEn, ...progress.en, ...consolidation.en, ...planImport.en, ...backup.en,
  ...keys.en,
  ...planEditor.en,
  ...dashboard.en } };

/** Fills `{name}` placeholders; an unknown placeholder stays visible so a missing value is noticed. */
export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = DICTS[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/gu, (all, name: string) => (name in params ? String(params[name]) : all));
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function useT(): Translate {
  const lang = useUi((s) => s.lang);
  return useCallback<Translate>((key, params) => translate(lang, key, params), [lang]);
}
