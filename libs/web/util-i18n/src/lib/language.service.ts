import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { DEFAULT_LANG, isLang } from './lang';
import type { Lang } from './lang';

/** Where the chosen language is kept between visits (per browser, before anyone signs in). */
export const LANG_STORAGE_KEY = 'stl.lang';

/** The UI language: Swedish unless the person chose English; the choice is kept in localStorage. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Lang>(DEFAULT_LANG);

  /** The active language, for date formatting and anything else that depends on it. */
  readonly lang = this.current.asReadonly();

  /** The stored choice, or Swedish. */
  stored(): Lang {
    try {
      const value = this.document.defaultView?.localStorage.getItem(LANG_STORAGE_KEY);
      return isLang(value) ? value : DEFAULT_LANG;
    } catch {
      // Storage can be refused (privacy settings): the default still works.
      return DEFAULT_LANG;
    }
  }

  use(lang: Lang): void {
    this.current.set(lang);
    this.transloco.setActiveLang(lang);
    this.document.documentElement.lang = lang;
    try {
      this.document.defaultView?.localStorage.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      // Not kept for next time; the switch still applies now.
    }
  }
}
