import { useCallback } from 'react';
import { en } from './en';
import { vi, type MessageKey } from './vi';
import { useUi } from '../state';

export type Lang = 'vi' | 'en';
export type { MessageKey };
const DICTS: Record<Lang, Record<MessageKey, string>> = { vi, en };

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
