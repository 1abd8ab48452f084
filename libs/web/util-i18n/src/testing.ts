import { importProvidersFrom } from '@angular/core';
import type { EnvironmentProviders } from '@angular/core';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { DICTIONARIES } from './dictionaries';

/**
 * Transloco for component specs, with the real dictionaries loaded up front: specs find elements
 * by the texts people read ("Try again"), in English unless they ask for Swedish.
 */
export function provideI18nTesting(lang: 'en' | 'sv' = 'en'): EnvironmentProviders {
  return importProvidersFrom(
    TranslocoTestingModule.forRoot({
      langs: DICTIONARIES,
      translocoConfig: { availableLangs: ['sv', 'en'], defaultLang: lang },
      preloadLangs: true,
    }),
  );
}
