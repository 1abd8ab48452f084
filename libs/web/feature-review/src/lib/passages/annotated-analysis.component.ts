import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { PassageApi, SessionStore, problemKey, toApiError } from '@stl/web/data-access';
import type { ApiError, PassageComment } from '@stl/web/data-access';
import { AttachmentGalleryComponent, FIELD } from '@stl/web/ui';
import type { GalleryAttachment } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { describePassage, findQuote, locatePassage } from '@stl/shared/domain';
import type { PassageSelector } from '@stl/shared/domain';
import { firstValueFrom } from 'rxjs';
import { clearPassageMarks, highlightPassage, rangeOffsets } from './passage-dom';

/** Comments are plain text up to 5000 characters (the API's rule). */
const MAX_COMMENT_LENGTH = 5000;

export interface AnnotatedSection {
  key: string;
  title: string;
  position: number;
}

/** The comment form open on one section: a selected passage, or none yet (then a typed quote). */
interface Draft {
  sectionKey: string;
  passage: PassageSelector | null;
}

/**
 * A published version of an analysis, section by section, with comments on passages (ADR 0026):
 * each section's comments in a margin beside it (stacked under it when the column is narrow),
 * their passages marked in the text. Critical friends and course leaders select words and choose
 * "Kommentera markerat", or type a quote (the keyboard path); the writer of a comment edits or
 * deletes it. Comments on earlier versions are listed apart, never moved into the current text.
 */
@Component({
  selector: 'stl-annotated-analysis',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, AttachmentGalleryComponent, ...FIELD, ...FORMAT_PIPES],
  host: { '(document:selectionchange)': 'onSelectionChange()' },
  template: `
    @if (canComment()) {
      <p class="muted passages__how" id="passages-how">{{ 'passages.howTo' | transloco }}</p>
    }
    <article class="analysis passages" data-testid="analysis-text">
      @for (section of sections(); track section.key) {
        @let headingId = 'read-' + section.key;
        @let notes = commentsOf(section.key);
        <section class="passages__section" [attr.aria-labelledby]="headingId">
          @if (headingLevel() === 2) {
            <h2 [id]="headingId">{{ section.position }}. {{ section.title }}</h2>
          } @else {
            <h3 [id]="headingId">{{ section.position }}. {{ section.title }}</h3>
          }
          <div class="passages__body">
            <div class="passages__main">
              @if (answers().get(section.key); as html) {
                <div
                  class="analysis__text"
                  [attr.data-passage-section]="section.key"
                  [innerHTML]="html"
                ></div>
              } @else {
                <p class="muted">{{ noAnswerKey() | transloco }}</p>
              }
              <stl-attachment-gallery [attachments]="attachmentsOf(section.key)" />
              @if (canComment() && answers().get(section.key)) {
                <p class="passages__tools">
                  <button
                    type="button"
                    class="button"
                    [attr.data-testid]="'comment-selected-' + section.key"
                    aria-describedby="passages-how"
                    [attr.aria-label]="'passages.commentSelectedIn' | transloco: { section: section.title }"
                    (mousedown)="$event.preventDefault()"
                    (click)="open(section.key)"
                  >
                    {{ 'passages.commentSelected' | transloco }}
                  </button>
                </p>
              }
            </div>
            <aside
              class="passages__margin"
              [attr.aria-label]="'passages.marginLabel' | transloco: { section: section.title }"
              [attr.data-testid]="'margin-' + section.key"
            >
              @if (draft()?.sectionKey === section.key) {
                <form
                  class="card passages__form"
                  (submit)="$event.preventDefault(); save()"
                  novalidate
                  [attr.aria-labelledby]="'form-heading-' + section.key"
                >
                  <h4 class="passages__form-heading" [id]="'form-heading-' + section.key" tabindex="-1">
                    {{ 'passages.formHeading' | transloco }}
                  </h4>
                  @if (draft()?.passage; as passage) {
                    <p class="passages__label">{{ 'passages.selectedPassage' | transloco }}</p>
                    <blockquote class="passages__quote" data-testid="selected-passage">
                      {{ passage.exact }}
                    </blockquote>
                  } @else {
                    <stl-field
                      fieldId="passage-quote"
                      [label]="'passages.quoteLabel' | transloco"
                      [hint]="'passages.quoteHint' | transloco"
                      [error]="quoteError()"
                    >
                      <textarea
                        stlControl
                        rows="2"
                        [value]="quote()"
                        (input)="quote.set(valueOf($event))"
                      ></textarea>
                    </stl-field>
                  }
                  <stl-field
                    fieldId="passage-body"
                    [label]="'passages.bodyLabel' | transloco"
                    [hint]="'passages.bodyHint' | transloco"
                    [error]="bodyError()"
                  >
                    <textarea
                      stlControl
                      rows="4"
                      [attr.maxlength]="maxComment"
                      [value]="body()"
                      (input)="body.set(valueOf($event))"
                    ></textarea>
                  </stl-field>
                  @if (saveError(); as error) {
                    <p class="error-text" role="alert">{{ error | transloco }}</p>
                  }
                  <p class="passages__actions">
                    <button type="submit" class="button button--primary" [disabled]="busy()">
                      {{ (busy() ? 'passages.saving' : 'passages.save') | transloco }}
                    </button>
                    <button type="button" class="button" (click)="cancel()">
                      {{ 'passages.cancel' | transloco }}
                    </button>
                  </p>
                </form>
              }
              @if (notes.length) {
                <ol class="passages__notes">
                  @for (c of notes; track c.id) {
                    <li class="passages__note" [id]="'note-' + c.id" data-testid="passage-comment">
                      <blockquote class="passages__quote">{{ c.exact }}</blockquote>
                      <p class="passages__text" [id]="'note-body-' + c.id">{{ c.body }}</p>
                      @if (editing() === c.id) {
                        <form
                          class="passages__edit"
                          (submit)="$event.preventDefault(); saveEdit(c)"
                          novalidate
                        >
                          <stl-field
                            [fieldId]="'edit-' + c.id"
                            [label]="'passages.editLabel' | transloco"
                            [error]="bodyError()"
                          >
                            <textarea
                              stlControl
                              rows="4"
                              [attr.maxlength]="maxComment"
                              [value]="body()"
                              (input)="body.set(valueOf($event))"
                            ></textarea>
                          </stl-field>
                          <p class="passages__actions">
                            <button type="submit" class="button button--primary" [disabled]="busy()">
                              {{ 'passages.saveEdit' | transloco }}
                            </button>
                            <button type="button" class="button" (click)="editing.set(null)">
                              {{ 'passages.cancel' | transloco }}
                            </button>
                          </p>
                        </form>
                      }
                      <p class="muted passages__by">
                        {{
                          'passages.by'
                            | transloco
                              : {
                                  name: c.author?.fullName ?? ('passages.unknownAuthor' | transloco),
                                  when: (c.createdAt | stlDateTime: lang()),
                                }
                        }}
                        @if (c.updatedAt !== c.createdAt) {
                          · {{ 'passages.edited' | transloco }}
                        }
                      </p>
                      <p class="passages__actions">
                        <button type="button" class="link-button" (click)="showPassage(c.id)">
                          {{ 'passages.showPassage' | transloco }}
                        </button>
                        @if (isMine(c) && editing() !== c.id) {
                          @if (removing() === c.id) {
                            <span>{{ 'passages.removeQuestion' | transloco }}</span>
                            <button type="button" class="button" (click)="remove(c)" [disabled]="busy()">
                              {{ 'passages.confirmRemove' | transloco }}
                            </button>
                            <button type="button" class="button" (click)="removing.set(null)">
                              {{ 'passages.cancel' | transloco }}
                            </button>
                          } @else {
                            <button type="button" class="button" (click)="startEdit(c)">
                              {{ 'passages.edit' | transloco }}
                            </button>
                            <button type="button" class="button" (click)="removing.set(c.id)">
                              {{ 'passages.remove' | transloco }}
                            </button>
                          }
                        }
                      </p>
                    </li>
                  }
                </ol>
              }
            </aside>
          </div>
        </section>
      }
    </article>
    @if (earlier().length) {
      <section class="passages__earlier" aria-labelledby="passages-earlier" data-testid="earlier-comments">
        @if (headingLevel() === 2) {
          <h2 id="passages-earlier">{{ 'passages.earlierHeading' | transloco }}</h2>
        } @else {
          <h3 id="passages-earlier">{{ 'passages.earlierHeading' | transloco }}</h3>
        }
        <p class="muted">{{ 'passages.earlierLead' | transloco }}</p>
        <ol class="passages__notes">
          @for (c of earlier(); track c.id) {
            <li class="passages__note" data-testid="earlier-comment">
              <p class="passages__label">
                {{ 'passages.onVersion' | transloco: { version: c.version, section: titleOf(c.sectionKey) } }}
              </p>
              <blockquote class="passages__quote">{{ c.exact }}</blockquote>
              <p class="passages__text">{{ c.body }}</p>
              <p class="muted passages__by">
                {{
                  'passages.by'
                    | transloco
                      : {
                          name: c.author?.fullName ?? ('passages.unknownAuthor' | transloco),
                          when: (c.createdAt | stlDateTime: lang()),
                        }
                }}
              </p>
            </li>
          }
        </ol>
      </section>
    }
    <p class="visually-hidden" role="status">{{ announcement() | transloco }}</p>
  `,
  styles: `
    :host {
      display: block;
    }
    .passages {
      container-type: inline-size;
    }
    .passages__section {
      margin-block-end: 1.5rem;
    }
    .passages__section h2 {
      font-size: 1.25rem;
      margin-block-end: 0.5rem;
    }
    .passages__section h3 {
      font-size: 1.125rem;
      margin-block-end: 0.5rem;
    }
    .passages__body {
      display: grid;
      gap: 0.75rem 2rem;
    }
    /* The margin column is there from the first paint, with or without comments: nothing moves. */
    @container (min-width: 52rem) {
      .passages__body {
        grid-template-columns: minmax(0, 70ch) minmax(16rem, 1fr);
        align-items: start;
      }
    }
    .analysis__text {
      max-width: 70ch;
      overflow-wrap: anywhere;
    }
    .passages__tools {
      margin: 0.5rem 0 0;
    }
    .passages__margin {
      display: grid;
      gap: 0.75rem;
      align-content: start;
    }
    .passages__notes {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.75rem;
    }
    .passages__note {
      border-inline-start: 4px solid #b8860b;
      padding: 0.25rem 0 0.25rem 0.75rem;
      background: var(--stl-surface-muted);
    }
    .passages__note:target,
    .passages__note--active {
      outline: 3px solid var(--stl-focus);
    }
    .passages__quote {
      margin: 0 0 0.25rem;
      padding: 0;
      font-style: italic;
      overflow-wrap: anywhere;
      display: -webkit-box;
      -webkit-line-clamp: 3;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }
    .passages__quote::before {
      content: '”';
    }
    .passages__quote::after {
      content: '”';
    }
    .passages__text {
      margin: 0;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .passages__by,
    .passages__label {
      margin: 0.25rem 0 0;
      font-size: 0.9375rem;
    }
    .passages__actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      margin: 0.5rem 0 0;
    }
    .passages__form {
      display: grid;
      gap: 0.75rem;
    }
    .passages__form-heading {
      margin: 0;
      font-size: 1rem;
    }
    .passages__form textarea,
    .passages__edit textarea {
      width: 100%;
      field-sizing: content;
      resize: vertical;
    }
    .passages__earlier {
      margin-block-start: 2rem;
    }
    :host ::ng-deep mark.passage-mark {
      background: #fff1b8;
      color: inherit;
      border-block-end: 2px solid #b8860b;
      scroll-margin-block: 4rem;
    }
    :host ::ng-deep mark.passage-mark:focus {
      outline: 3px solid var(--stl-focus);
    }
  `,
})
export class AnnotatedAnalysisComponent {
  private readonly api = inject(PassageApi);
  private readonly session = inject(SessionStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly maxComment = MAX_COMMENT_LENGTH;

  readonly analysisId = input.required<string>();
  /** The published version shown. */
  readonly version = input.required<number>();
  readonly sections = input.required<readonly AnnotatedSection[]>();
  /** The version's sanitised HTML per section key. */
  readonly answers = input.required<ReadonlyMap<string, string>>();
  readonly attachments = input<readonly (GalleryAttachment & { sectionKey: string })[]>([]);
  /** Every comment on the analysis, of every version (the API's Analysis.passageComments). */
  readonly comments = input<readonly PassageComment[]>([]);
  /** The API's Analysis.canCommentOnPassages. */
  readonly canComment = input(false);
  readonly headingLevel = input<2 | 3>(2);
  /** Translation key shown for a section without text. */
  readonly noAnswerKey = input('read.noAnswer');

  private readonly injector = inject(Injector);

  protected readonly all = linkedSignal<readonly PassageComment[]>(() => this.comments());
  protected readonly current = computed(() =>
    this.all()
      .filter((c) => c.version === this.version())
      .sort((a, b) => a.start - b.start || a.end - b.end),
  );
  protected readonly earlier = computed(() => this.all().filter((c) => c.version !== this.version()));

  /** The last passage selected inside a section's text (kept while focus moves to the button). */
  private readonly selection = signal<{ sectionKey: string; passage: PassageSelector } | null>(null);
  protected readonly draft = signal<Draft | null>(null);
  protected readonly quote = signal('');
  protected readonly body = signal('');
  protected readonly quoteError = signal<string | null>(null);
  protected readonly bodyError = signal<string | null>(null);
  protected readonly saveError = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly editing = signal<string | null>(null);
  protected readonly removing = signal<string | null>(null);
  protected readonly announcement = signal('');

  constructor() {
    // Marks follow the comments: drawn after the render that shows the text they mark. (Plain
    // effect + afterNextRender rather than afterRenderEffect/viewChildren: those would pull more of
    // Angular's core into the shared start chunk for this one lazy screen.)
    effect(() => {
      const comments = this.current();
      this.answers();
      this.sections();
      afterNextRender({ write: () => this.drawMarks(comments) }, { injector: this.injector });
    });
    effect(() => {
      // A newly opened form takes the focus, so keyboard and screen-reader users land in it.
      const draft = this.draft();
      if (!draft) return;
      afterNextRender(
        () =>
          this.host.nativeElement
            .querySelector<HTMLElement>(`[id="form-heading-${draft.sectionKey}"]`)
            ?.focus(),
        { injector: this.injector },
      );
    });
  }

  /** The rendered text of each section, marked by `data-passage-section`. */
  private texts(): HTMLElement[] {
    return Array.from(this.host.nativeElement.querySelectorAll<HTMLElement>('[data-passage-section]'));
  }

  private drawMarks(comments: readonly PassageComment[]): void {
    for (const el of this.texts()) {
      clearPassageMarks(el);
      const key = el.dataset['passageSection'];
      const text = el.textContent ?? '';
      for (const c of comments) {
        if (c.sectionKey !== key) continue;
        const at = locatePassage(text, c);
        if (!at) continue;
        highlightPassage(el, at.start, at.end, {
          'data-comment': c.id,
          tabindex: '-1',
          'aria-describedby': `note-body-${c.id}`,
        });
      }
    }
  }

  protected commentsOf(sectionKey: string): PassageComment[] {
    return this.current().filter((c) => c.sectionKey === sectionKey);
  }

  protected attachmentsOf(sectionKey: string) {
    return this.attachments().filter((a) => a.sectionKey === sectionKey);
  }

  protected titleOf(sectionKey: string): string {
    return this.sections().find((s) => s.key === sectionKey)?.title ?? sectionKey;
  }

  protected isMine(c: PassageComment): boolean {
    return !!c.author && c.author.id === this.session.viewer()?.person.id;
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLTextAreaElement).value;
  }

  protected onSelectionChange(): void {
    const selection = this.host.nativeElement.ownerDocument.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
      this.selection.set(null);
      return;
    }
    const range = selection.getRangeAt(0);
    for (const el of this.texts()) {
      const offsets = rangeOffsets(el, range);
      if (!offsets) continue;
      const text = el.textContent ?? '';
      // Whitespace at the edges of a selection (a double-click takes the space after a word) is left out.
      const exact = text.slice(offsets.start, offsets.end);
      const start = offsets.start + (exact.length - exact.trimStart().length);
      const end = offsets.end - (exact.length - exact.trimEnd().length);
      if (end <= start) break;
      const sectionKey = el.dataset['passageSection'] ?? '';
      this.selection.set({ sectionKey, passage: describePassage(text, start, end) });
      return;
    }
    this.selection.set(null);
  }

  protected open(sectionKey: string): void {
    const selected = this.selection();
    this.editing.set(null);
    this.draft.set({ sectionKey, passage: selected?.sectionKey === sectionKey ? selected.passage : null });
    this.quote.set('');
    this.body.set('');
    this.quoteError.set(null);
    this.bodyError.set(null);
    this.saveError.set(null);
  }

  protected cancel(): void {
    const key = this.draft()?.sectionKey;
    this.draft.set(null);
    this.host.nativeElement.querySelector<HTMLElement>(`[data-testid="comment-selected-${key}"]`)?.focus();
  }

  protected async save(): Promise<void> {
    const draft = this.draft();
    if (!draft) return;
    const passage = draft.passage ?? this.typedPassage(draft.sectionKey);
    const body = this.checkedBody();
    if (!passage || body === null) return;
    this.busy.set(true);
    this.saveError.set(null);
    try {
      const res = await firstValueFrom(
        this.api.comment({
          analysisId: this.analysisId(),
          version: this.version(),
          sectionKey: draft.sectionKey,
          ...passage,
          body,
        }),
      );
      this.all.update((list) => [...list, res.commentOnPassage]);
      this.draft.set(null);
      this.announcement.set('passages.saved');
    } catch (e) {
      this.saveError.set(this.sentence(toApiError(e)));
    } finally {
      this.busy.set(false);
    }
  }

  protected startEdit(c: PassageComment): void {
    this.draft.set(null);
    this.editing.set(c.id);
    this.body.set(c.body);
    this.bodyError.set(null);
  }

  protected async saveEdit(c: PassageComment): Promise<void> {
    const body = this.checkedBody();
    if (body === null) return;
    this.busy.set(true);
    try {
      const res = await firstValueFrom(this.api.edit(c.id, body));
      this.all.update((list) => list.map((x) => (x.id === c.id ? res.editPassageComment : x)));
      this.editing.set(null);
      this.announcement.set('passages.changed');
    } catch (e) {
      this.bodyError.set(this.sentence(toApiError(e)));
    } finally {
      this.busy.set(false);
    }
  }

  protected async remove(c: PassageComment): Promise<void> {
    this.busy.set(true);
    try {
      await firstValueFrom(this.api.remove(c.id));
      this.all.update((list) => list.filter((x) => x.id !== c.id));
      this.removing.set(null);
      this.announcement.set('passages.removed');
    } catch (e) {
      this.announcement.set(this.sentence(toApiError(e)));
    } finally {
      this.busy.set(false);
    }
  }

  /** Scrolls to a comment's passage and moves the focus there; a screen reader reads the comment with it. */
  protected showPassage(id: string): void {
    const mark = this.host.nativeElement.querySelector<HTMLElement>(`mark[data-comment="${id}"]`);
    mark?.scrollIntoView({ block: 'center' });
    mark?.focus();
  }

  /** The passage of a typed quote: found exactly once in the section, else an error under the field. */
  private typedPassage(sectionKey: string): PassageSelector | null {
    const el = this.texts().find((e) => e.dataset['passageSection'] === sectionKey);
    const text = el?.textContent ?? '';
    const found = findQuote(text, this.quote());
    if (found === 'missing' || found === 'ambiguous') {
      this.quoteError.set(
        found === 'missing' ? 'passages.problems.QUOTE_MISSING' : 'passages.problems.QUOTE_AMBIGUOUS',
      );
      return null;
    }
    this.quoteError.set(null);
    return describePassage(text, found.start, found.end);
  }

  private checkedBody(): string | null {
    const body = this.body().trim();
    const error = !body
      ? 'passages.problems.BODY_EMPTY'
      : [...body].length > MAX_COMMENT_LENGTH
        ? 'passages.problems.BODY_TOO_LONG'
        : null;
    this.bodyError.set(error);
    return error ? null : body;
  }

  private sentence(error: ApiError): string {
    const [problem] = error.problems;
    return problem ? problemKey(problem) : error.messageKey;
  }
}
