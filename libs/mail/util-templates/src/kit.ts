import { formatDate, formatDateTime, formatDayMonth, formatPlainDate, formatTimeRange } from './format';
import type { Instant } from './format';
import { DICTIONARIES } from './i18n';
import type { MailDictionary } from './i18n';
import type { Block, Link } from './layout';
import { absoluteUrl } from './links';
import type { PathArgs } from './links';
import type { MailLocale } from './locale';

/** What a kind's composer works with: the words, the date formats and the links of one mail. */
export interface RenderKit {
  locale: MailLocale;
  t: MailDictionary;
  link<P extends string>(path: P, ...args: PathArgs<P>): string;
  dateTime(value: Instant): string;
  date(value: Instant): string;
  dayMonth(value: Instant): string;
  plainDate(value: Instant): string;
  timeRange(start: Instant, end: Instant): string;
}

/** The kind-specific part of a mail; the layout adds greeting, button, sign-off and footer. */
export interface MailBody {
  subject: string;
  heading: string;
  blocks: Block[];
  action: Link;
  reason: string;
}

export type Composer<D> = (data: D, kit: RenderKit) => MailBody;

export function renderKit(locale: MailLocale, baseUrl: string): RenderKit {
  return {
    locale,
    t: DICTIONARIES[locale],
    link: (path, ...args) => absoluteUrl(baseUrl, path, ...args),
    dateTime: (v) => formatDateTime(v, locale),
    date: (v) => formatDate(v, locale),
    dayMonth: (v) => formatDayMonth(v, locale),
    plainDate: (v) => formatPlainDate(v, locale),
    timeRange: (a, b) => formatTimeRange(a, b, locale),
  };
}
