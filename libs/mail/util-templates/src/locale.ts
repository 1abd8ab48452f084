/** Languages mail is written in. Swedish is the default, as everywhere in the product. */
export const MAIL_LOCALES = ['sv', 'en'] as const;
export type MailLocale = (typeof MAIL_LOCALES)[number];
export const DEFAULT_MAIL_LOCALE: MailLocale = 'sv';

/** Reads a stored locale (e.g. a person's `locale` column); anything unknown falls back to Swedish. */
export function toMailLocale(value: string | null | undefined): MailLocale {
  return value === 'en' ? 'en' : DEFAULT_MAIL_LOCALE;
}
