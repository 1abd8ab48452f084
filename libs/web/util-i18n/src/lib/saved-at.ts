import { stockholmDate } from '@stl/shared/domain/calendar';
import { formatDateTime, formatShortDate, formatTime } from './format';
import type { Lang } from './format';

// Its own module, not format.ts: only the analysis editor uses it, and format.ts is in the start bundle.

/**
 * When something was last saved, as short as is still unambiguous: "16.00" today (in Stockholm),
 * "3 dec. kl. 16.00" earlier this year, the full date and time before that.
 */
export function formatSavedAt(value: string | Date, lang: Lang, now: Date): string {
  const at = typeof value === 'string' ? new Date(value) : value;
  const day = stockholmDate(at);
  const today = stockholmDate(now);
  if (day === today) return formatTime(at, lang);
  if (day.slice(0, 4) !== today.slice(0, 4)) return formatDateTime(at, lang);
  return `${formatShortDate(at, lang)}${lang === 'sv' ? ' kl.' : ','} ${formatTime(at, lang)}`;
}
