import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
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

  /**
   * Switches to `lang` once its dictionary is loaded: the `lang` signal changes only then, so text
   * that code builds from it (chart legends, summaries) is never built in the new language with
   * the old language's words.
   */
  async use(lang: Lang): Promise<void> {
    await firstValueFrom(this.transloco.load(lang));
    this.transloco.setActiveLang(lang);
    this.current.set(lang);
    this.document.documentElement.lang = lang;
    try {
      this.document.defaultView?.localStorage.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      // Not kept for next time; the switch still applies now.
    }
  }
}
