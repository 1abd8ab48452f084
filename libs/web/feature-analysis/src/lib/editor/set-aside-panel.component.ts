import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { TemplateSection } from '@stl/web/data-access';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { richTextToPlainText } from '@stl/shared/domain';
import type { SetAsideText } from './set-aside';

/**
 * The texts not chosen in edit conflicts, kept in this browser: readable as plain text, so a hasty
 * choice can be undone by copying the text back into the section.
 */
@Component({
  selector: 'stl-set-aside-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, ...FORMAT_PIPES],
  template: `
    <details class="set-aside" data-testid="set-aside">
      <summary>{{ 'editor.setAside.heading' | transloco: { count: texts().length } }}</summary>
      <p class="muted">{{ 'editor.setAside.lead' | transloco }}</p>
      <ul class="set-aside__list">
        @for (text of items(); track $index) {
          <li data-testid="set-aside-text">
            <p class="set-aside__meta">
              {{
                'editor.setAside.item'
                  | transloco: { section: text.title, when: (text.at | stlDateTime: lang()) }
              }}
            </p>
            <pre>{{ text.plain }}</pre>
          </li>
        }
      </ul>
      <button type="button" class="button" (click)="clear.emit()">
        {{ 'editor.setAside.clear' | transloco }}
      </button>
    </details>
  `,
  styles: `
    .set-aside {
      margin-block-end: 1.5rem;
      border: 1px solid var(--stl-border);
      border-radius: 0.5rem;
      padding: 0.75rem 1rem;
    }
    summary {
      cursor: pointer;
      font-weight: 600;
    }
    .set-aside__list {
      list-style: none;
      padding: 0;
    }
    .set-aside__meta {
      font-weight: 600;
      margin-block-end: 0.25rem;
    }
    pre {
      margin: 0 0 0.75rem;
      white-space: pre-wrap;
      font-family: inherit;
      border: 1px solid var(--stl-border);
      border-radius: 0.25rem;
      padding: 0.5rem 0.75rem;
    }
  `,
})
export class SetAsidePanelComponent {
  protected readonly lang = inject(LanguageService).lang;
  readonly texts = input.required<readonly SetAsideText[]>();
  readonly sections = input.required<readonly TemplateSection[]>();
  readonly clear = output<void>();

  protected readonly items = computed(() => {
    const titles = new Map(this.sections().map((s) => [s.key, `${s.position}. ${s.title}`]));
    return this.texts().map((t) => ({
      title: titles.get(t.sectionKey) ?? t.sectionKey,
      at: t.at,
      plain: richTextToPlainText(t.html),
    }));
  });
}
