/**
 * The languages of the web app. A module of its own so the start bundle, which must know the
 * language before anything is shown, does not bring the date formatting and the Stockholm calendar
 * along (esbuild places a whole module in the start chunk when the start reaches it).
 */
export type Lang = 'sv' | 'en';
export const LANGS: readonly Lang[] = ['sv', 'en'];
export const DEFAULT_LANG: Lang = 'sv';

export function isLang(value: unknown): value is Lang {
  return value === 'sv' || value === 'en';
}
