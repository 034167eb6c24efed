/** The titles code makes from the string tables (config/strings.ts) and the date format. */
import type { Translator } from '../config/strings.js';
import type { DateFormatter } from './dates.js';

export function dayTitle(tr: Translator, dates: DateFormatter, day: string): string {
  return tr.t('day.title', { day: dates.day(day) });
}
