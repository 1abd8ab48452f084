import { computed } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslocoService, provideTransloco } from '@jsverse/transloco';
import type { Translation, TranslocoLoader } from '@jsverse/transloco';
import { Subject } from 'rxjs';
import { LanguageService } from './language.service';

/** A loader whose English answers only when the test says so, as a slow network would. */
class SlowLoader implements TranslocoLoader {
  static readonly english = new Subject<Translation>();
  getTranslation(lang: string) {
    return lang === 'en' ? SlowLoader.english : Promise.resolve({ days: 'dygn' });
  }
}

describe('LanguageService', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideTransloco({
          config: { availableLangs: ['sv', 'en'], defaultLang: 'sv', fallbackLang: 'sv' },
          loader: SlowLoader,
        }),
      ],
    });
  });

  it('changes the language only once its words are loaded, so text built from it is never mixed', async () => {
    const language = TestBed.inject(LanguageService);
    const transloco = TestBed.inject(TranslocoService);
    await language.use('sv');
    // What a chart legend does: text built in code from the language signal.
    const legend = TestBed.runInInjectionContext(() =>
      computed(() => `${language.lang()}: ${transloco.translate('days')}`),
    );
    expect(legend()).toBe('sv: dygn');

    const switched = language.use('en');
    // Still loading: nothing has changed yet, neither the signal nor the words.
    expect(language.lang()).toBe('sv');
    expect(legend()).toBe('sv: dygn');

    SlowLoader.english.next({ days: 'days' });
    SlowLoader.english.complete();
    await switched;
    expect(language.lang()).toBe('en');
    expect(legend()).toBe('en: days');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('stl.lang')).toBe('en');
  });
});
