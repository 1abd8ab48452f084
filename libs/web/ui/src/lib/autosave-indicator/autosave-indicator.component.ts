import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService, formatSavedAt } from '@stl/web/util-i18n';

/**
 * Where the writer's text stands. `dirty`: typed, not yet sent; `offline`: the server could not be
 * reached (the text is kept in this browser and sent when the connection is back).
 */
export type AutosaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'offline' | 'error' | 'conflict';

/**
 * "Sparar…", "Sparat 13.02" (today), "Sparat 1 dec. kl. 16.00" (another day), "Inte sparat – ingen
 * anslutning": announced politely to screen readers.
 */
@Component({
  selector: 'stl-autosave-indicator',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    <p [class]="'autosave autosave--' + state()" role="status" data-testid="autosave">
      @switch (state()) {
        @case ('saving') {
          {{ 'autosave.saving' | transloco }}
        }
        @case ('saved') {
          {{
            savedAt() ? ('autosave.savedAt' | transloco: { time: time() }) : ('autosave.saved' | transloco)
          }}
        }
        @case ('dirty') {
          {{ 'autosave.dirty' | transloco }}
        }
        @case ('offline') {
          {{ 'autosave.offline' | transloco }}
        }
        @case ('error') {
          {{ 'autosave.error' | transloco }}
        }
        @case ('conflict') {
          {{ 'autosave.conflict' | transloco }}
        }
      }
    </p>
  `,
  styles: `
    .autosave {
      margin: 0;
      min-height: 1.5em;
      font-size: 0.9375rem;
      color: var(--stl-text-muted);
    }
    .autosave--offline,
    .autosave--error,
    .autosave--conflict {
      color: #7f1d1d;
      font-weight: 600;
    }
  `,
})
export class AutosaveIndicatorComponent {
  private readonly language = inject(LanguageService);
  readonly state = input.required<AutosaveState>();
  readonly savedAt = input<string | null>(null);
  protected readonly time = computed(() => {
    const at = this.savedAt();
    return at ? formatSavedAt(at, this.language.lang(), new Date()) : '';
  });
}
