// The bundled Liberation Serif 2 faces (metric-compatible with Times New Roman, with Vietnamese
// glyphs), served by the app itself so a printed report looks the same on every PC.
import regular from '../../../resources/fonts/LiberationSerif-Regular.ttf?url';
import bold from '../../../resources/fonts/LiberationSerif-Bold.ttf?url';
import italic from '../../../resources/fonts/LiberationSerif-Italic.ttf?url';
import boldItalic from '../../../resources/fonts/LiberationSerif-BoldItalic.ttf?url';
import type { FontFile } from '../../../shared/report/css';

const URLS: Record<FontFile, string> = {
  'LiberationSerif-Regular.ttf': regular,
  'LiberationSerif-Bold.ttf': bold,
  'LiberationSerif-Italic.ttf': italic,
  'LiberationSerif-BoldItalic.ttf': boldItalic,
};

export const fontUrl = (file: FontFile): string => URLS[file];
