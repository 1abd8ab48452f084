import { Injectable, inject, isDevMode, provideAppInitializer } from '@angular/core';
import type { EnvironmentProviders } from '@angular/core';
import { provideTransloco } from '@jsverse/transloco';
import type { Translation, TranslocoLoader } from '@jsverse/transloco';
import { DEFAULT_LANG, LANGS } from './lang';
import { LanguageService } from './language.service';

/**
 * Each language is a chunk of its own, fetched before the first render (Swedish at start, English
 * when chosen), so the texts of every screen stay out of the initial JavaScript.
 */
@Injectable({ providedIn: 'root' })
export class DictionaryLoader implements TranslocoLoader {
  async getTranslation(lang: string): Promise<Translation> {
    if (lang === 'en') return (await import('../i18n/en')).default;
    return (await import('../i18n/sv')).default;
  }
}

/** Transloco with Swedish by default and English, starting in the language chosen last time. */
export function provideI18n(): EnvironmentProviders[] {
  return [
    ...provideTransloco({
      config: {
        availableLangs: [...LANGS],
        defaultLang: DEFAULT_LANG,
        fallbackLang: DEFAULT_LANG,
        reRenderOnLangChange: true,
        missingHandler: { useFallbackTranslation: true, logMissingKey: isDevMode() },
        prodMode: !isDevMode(),
      },
      loader: DictionaryLoader,
    }),
    provideAppInitializer(async () => {
      const language = inject(LanguageService);
      // Loaded before the first render (use waits for the dictionary), so nobody sees untranslated
      // keys flash by.
      await language.use(language.stored());
    }),
  ];
}
