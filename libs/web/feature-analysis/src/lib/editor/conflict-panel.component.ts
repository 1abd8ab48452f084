import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { TemplateSection } from '@stl/web/data-access';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { richTextToPlainText } from '@stl/shared/domain';
import type { Answers } from '../text/rich-text';
import type { ConflictChoice, DraftConflict } from './draft-editor';

/**
 * The way out of an edit conflict: only the sections changed both here and elsewhere (the rest were
 * merged already), my text beside the other one as plain text, and two clear choices per section.
 * Nothing is saved until every section is decided; the text not chosen is set aside, not dropped.
 */
@Component({
  selector: 'stl-conflict-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, ...FORMAT_PIPES],
  template: `
    <section class="conflict" role="alert" aria-labelledby="conflict-heading" data-testid="conflict">
      <h2 id="conflict-heading">{{ 'editor.conflict.heading' | transloco }}</h2>
      <p>
        @if (conflict().savedAt; as at) {
          {{ 'editor.conflict.leadAt' | transloco: { when: (at | stlDateTime: lang()) } }}
        } @else {
          {{ 'editor.conflict.lead' | transloco }}
        }
      </p>
      @for (section of differing(); track section.key) {
        <div
          class="conflict__section"
          role="group"
          [attr.aria-labelledby]="'conflict-' + section.key"
          data-testid="conflict-section"
        >
          <h3 [id]="'conflict-' + section.key">{{ section.position }}. {{ section.title }}</h3>
          <div class="conflict__texts">
            <figure>
              <figcaption>{{ 'editor.conflict.mine' | transloco }}</figcaption>
              <pre data-testid="conflict-mine">{{
                plain(mine()[section.key]) || ('editor.conflict.empty' | transloco)
              }}</pre>
            </figure>
            <figure>
              <figcaption>{{ 'editor.conflict.theirs' | transloco }}</figcaption>
              <pre data-testid="conflict-theirs">{{
                plain(conflict().theirs[section.key]) || ('editor.conflict.empty' | transloco)
              }}</pre>
            </figure>
          </div>
          <div class="conflict__actions">
            <button
              type="button"
              class="button button--primary"
              (click)="choose.emit({ sectionKey: section.key, choice: 'mine' })"
            >
              {{ 'editor.conflict.keepMine' | transloco }}
            </button>
            <button
              type="button"
              class="button"
              (click)="choose.emit({ sectionKey: section.key, choice: 'theirs' })"
            >
              {{ 'editor.conflict.takeTheirs' | transloco }}
            </button>
          </div>
        </div>
      }
      <p class="muted">{{ 'editor.conflict.note' | transloco }}</p>
    </section>
  `,
  styles: `
    .conflict {
      border: 3px solid #8a4b00;
      border-radius: 0.5rem;
      padding: 1rem 1.25rem;
      margin-block-end: 1.5rem;
      background: #fffaf0;
    }
    .conflict h2 {
      margin-block-start: 0;
      font-size: 1.25rem;
    }
    .conflict h3 {
      font-size: 1rem;
      margin: 1rem 0 0.5rem;
    }
    .conflict__texts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
      gap: 0.75rem;
    }
    figure {
      margin: 0;
    }
    figcaption {
      font-weight: 600;
      margin-block-end: 0.25rem;
    }
    pre {
      margin: 0;
      white-space: pre-wrap;
      font-family: inherit;
      background: #fff;
      border: 1px solid var(--stl-border);
      border-radius: 0.25rem;
      padding: 0.5rem 0.75rem;
    }
    .conflict__actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      margin-block-start: 0.75rem;
    }
  `,
})
export class ConflictPanelComponent {
  protected readonly lang = inject(LanguageService).lang;
  readonly conflict = input.required<DraftConflict>();
  readonly mine = input.required<Answers>();
  readonly sections = input.required<readonly TemplateSection[]>();
  readonly choose = output<{ sectionKey: string; choice: ConflictChoice }>();

  /** Both texts as readable plain text (headings, bullets and numbers kept), side by side. */
  protected plain(html: string | undefined): string {
    return richTextToPlainText(html ?? '');
  }

  protected readonly differing = computed(() => {
    const keys = new Set(this.conflict().sections);
    return this.sections().filter((s) => keys.has(s.key));
  });
}
