import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  afterNextRender,
  inject,
  input,
  model,
  signal,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { emptySection, moveSection, removeSection, suggestKey, updateSection } from './section-list';
import type { DraftSection, SectionField } from './section-list';

/**
 * The sections of a template version being written: key, title, prompt, help text and whether an
 * answer is required, with buttons to move, remove and add (no dragging needed). Focus follows
 * the moved section, so keyboard users keep their place.
 */
@Component({
  selector: 'stl-admin-sections-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    <ol class="sections">
      @for (s of sections(); track s.uid; let i = $index; let first = $first; let last = $last) {
        <li>
          <fieldset class="section-item" data-testid="section">
            <legend [id]="'legend-' + s.uid" tabindex="-1">
              {{
                'admin.templates.sectionLegend'
                  | transloco: { number: i + 1, title: s.title || ('admin.templates.untitled' | transloco) }
              }}
            </legend>
            <div class="form-row">
              <div class="field" [class.field--invalid]="error(i, 'title')">
                <label [for]="id(s, 'title')">{{ 'admin.templates.sectionTitle' | transloco }}</label>
                @if (error(i, 'title'); as e) {
                  <p class="field__error" [id]="id(s, 'title') + '-error'">{{ e | transloco }}</p>
                }
                <input
                  type="text"
                  [id]="id(s, 'title')"
                  maxlength="300"
                  [value]="s.title"
                  (input)="set(i, 'title', $event)"
                  (blur)="fillKey(i)"
                  [attr.aria-invalid]="error(i, 'title') ? true : null"
                  [attr.aria-describedby]="error(i, 'title') ? id(s, 'title') + '-error' : null"
                />
              </div>
              <div class="field" [class.field--invalid]="error(i, 'key')">
                <label [for]="id(s, 'key')">{{ 'admin.templates.sectionKey' | transloco }}</label>
                <p class="field__hint" [id]="id(s, 'key') + '-hint'">
                  {{ 'admin.templates.sectionKeyHint' | transloco }}
                </p>
                @if (error(i, 'key'); as e) {
                  <p class="field__error" [id]="id(s, 'key') + '-error'">{{ e | transloco }}</p>
                }
                <input
                  type="text"
                  [id]="id(s, 'key')"
                  maxlength="64"
                  autocapitalize="off"
                  spellcheck="false"
                  [value]="s.key"
                  (input)="set(i, 'key', $event)"
                  [attr.aria-invalid]="error(i, 'key') ? true : null"
                  [attr.aria-describedby]="
                    error(i, 'key')
                      ? id(s, 'key') + '-hint ' + id(s, 'key') + '-error'
                      : id(s, 'key') + '-hint'
                  "
                />
              </div>
            </div>
            <div class="field" [class.field--invalid]="error(i, 'prompt')">
              <label [for]="id(s, 'prompt')">{{ 'admin.templates.sectionPrompt' | transloco }}</label>
              @if (error(i, 'prompt'); as e) {
                <p class="field__error" [id]="id(s, 'prompt') + '-error'">{{ e | transloco }}</p>
              }
              <textarea
                rows="3"
                [id]="id(s, 'prompt')"
                maxlength="5000"
                [value]="s.prompt"
                (input)="set(i, 'prompt', $event)"
                [attr.aria-invalid]="error(i, 'prompt') ? true : null"
                [attr.aria-describedby]="error(i, 'prompt') ? id(s, 'prompt') + '-error' : null"
              ></textarea>
            </div>
            <div class="field" [class.field--invalid]="error(i, 'helpText')">
              <label [for]="id(s, 'helpText')">{{ 'admin.templates.sectionHelp' | transloco }}</label>
              @if (error(i, 'helpText'); as e) {
                <p class="field__error" [id]="id(s, 'helpText') + '-error'">{{ e | transloco }}</p>
              }
              <textarea
                rows="2"
                [id]="id(s, 'helpText')"
                maxlength="5000"
                [value]="s.helpText"
                (input)="set(i, 'helpText', $event)"
                [attr.aria-invalid]="error(i, 'helpText') ? true : null"
                [attr.aria-describedby]="error(i, 'helpText') ? id(s, 'helpText') + '-error' : null"
              ></textarea>
            </div>
            <label class="check">
              <input type="checkbox" [checked]="s.required" (change)="setRequired(i, $event)" />
              {{ 'admin.templates.sectionRequired' | transloco }}
            </label>
            <div class="actions section-item__actions">
              <button
                type="button"
                class="button button--small"
                [id]="'up-' + s.uid"
                [disabled]="first"
                (click)="move(i, -1)"
              >
                {{ 'admin.templates.moveUp' | transloco
                }}<span class="visually-hidden">
                  {{ 'admin.templates.sectionN' | transloco: { number: i + 1 } }}</span
                >
              </button>
              <button
                type="button"
                class="button button--small"
                [id]="'down-' + s.uid"
                [disabled]="last"
                (click)="move(i, 1)"
              >
                {{ 'admin.templates.moveDown' | transloco
                }}<span class="visually-hidden">
                  {{ 'admin.templates.sectionN' | transloco: { number: i + 1 } }}</span
                >
              </button>
              <button type="button" class="button button--small button--danger" (click)="remove(i)">
                {{ 'admin.templates.remove' | transloco
                }}<span class="visually-hidden">
                  {{ 'admin.templates.sectionN' | transloco: { number: i + 1 } }}</span
                >
              </button>
            </div>
          </fieldset>
        </li>
      }
    </ol>
    <p role="status" class="visually-hidden">
      @if (announcement(); as a) {
        {{ a.key | transloco: a.params }}
      }
    </p>
    <button type="button" class="button" id="add-section" (click)="add()">
      {{ 'admin.templates.addSection' | transloco }}
    </button>
  `,
  styles: `
    .sections {
      list-style: none;
      padding: 0;
      margin: 0 0 1rem;
      display: grid;
      gap: 1rem;
    }
    .section-item {
      display: grid;
      gap: 0.75rem;
      background: var(--stl-bg);
    }
    legend:focus {
      outline: 3px solid var(--stl-focus);
      outline-offset: 2px;
    }
    textarea {
      field-sizing: content;
      min-height: 4rem;
    }
  `,
  styleUrls: ['../shared/admin.css'],
})
export class SectionsEditorComponent {
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  readonly sections = model.required<DraftSection[]>();
  /** Translation keys of problems, by `<index>.<field>`. */
  readonly errors = input<Record<string, string>>({});
  /** Prefix for field ids, so an error summary can link to them. */
  readonly idPrefix = input('section');
  protected readonly announcement = signal<{ key: string; params: Record<string, unknown> } | null>(null);

  protected id(s: DraftSection, field: SectionField): string {
    return `${this.idPrefix()}-${s.uid}-${field}`;
  }

  protected error(index: number, field: SectionField): string | null {
    return this.errors()[`${index}.${field}`] ?? null;
  }

  protected set(index: number, field: SectionField, event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
    this.sections.update((list) => updateSection(list, index, { [field]: value }));
  }

  protected setRequired(index: number, event: Event): void {
    const required = (event.target as HTMLInputElement).checked;
    this.sections.update((list) => updateSection(list, index, { required }));
  }

  /** A new section gets a key from its title, once; the administrator may change it. */
  protected fillKey(index: number): void {
    const list = this.sections();
    const s = list[index];
    if (!s || s.key || !s.title.trim()) return;
    const taken = list.filter((_, i) => i !== index).map((x) => x.key);
    this.sections.set(updateSection(list, index, { key: suggestKey(s.title, taken) }));
  }

  protected move(index: number, delta: -1 | 1): void {
    const list = this.sections();
    const s = list[index];
    const next = moveSection(list, index, delta);
    this.sections.set(next);
    const position = index + delta;
    this.announcement.set({ key: 'admin.templates.moved', params: { title: s.title, number: position + 1 } });
    // Keep focus on the button pressed; at either end it is disabled, so use the other one.
    const atEnd = position === 0 || position === next.length - 1;
    const target = atEnd
      ? delta < 0
        ? `down-${s.uid}`
        : `up-${s.uid}`
      : `${delta < 0 ? 'up' : 'down'}-${s.uid}`;
    this.focus(next.length > 1 ? target : `legend-${s.uid}`);
  }

  protected remove(index: number): void {
    const removed = this.sections()[index];
    const next = removeSection(this.sections(), index);
    this.announcement.set({ key: 'admin.templates.removed', params: { title: removed?.title ?? '' } });
    this.sections.set(next);
    const neighbour = next[Math.min(index, next.length - 1)];
    this.focus(neighbour ? `legend-${neighbour.uid}` : 'add-section');
  }

  protected add(): void {
    const s = emptySection();
    this.sections.update((list) => [...list, s]);
    this.focus(this.id(s, 'title'));
  }

  private focus(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }
}
