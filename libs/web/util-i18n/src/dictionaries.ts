/**
 * The dictionaries as data, for tests that check every key the code uses exists in both
 * languages. The app loads them through Transloco (provide-i18n.ts), not from here.
 */
import en from './i18n/en';
import sv from './i18n/sv';

export const DICTIONARIES = { sv, en } as const;

/** Every key of a nested dictionary, dotted: `errors.EDIT_CONFLICT`. */
export function dictionaryKeys(dictionary: object, prefix = ''): string[] {
  return Object.entries(dictionary).flatMap(([k, v]) =>
    v && typeof v === 'object' ? dictionaryKeys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}
