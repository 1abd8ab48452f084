import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ReviewApi, SessionStore, toApiError } from '@stl/web/data-access';
import type { ApiError, FeedbackCommentItem, FeedbackItem } from '@stl/web/data-access';
import { StatusBadgeComponent } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { firstValueFrom } from 'rxjs';
import { FEEDBACK_PARTS } from './feedback-rules';

/** Comments are plain text up to 5000 characters (the API's rule). */
const MAX_COMMENT_LENGTH = 5000;

/**
 * One piece of feedback: who gave it (critical friend or course leader), the three parts, and its
 * conversation. The analysis author may reply and mark it helpful; a course leader may add a note
 * on a critical friend's feedback. What the API refuses is said in a sentence, and the typed reply
 * stays in its field.
 */
@Component({
  selector: 'stl-feedback-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, StatusBadgeComponent, ...FORMAT_PIPES],
  template: `
    @let f = feedback();
    <article class="card feedback" [attr.aria-labelledby]="'fb-' + f.id" data-testid="feedback">
      <header class="feedback__head">
        <h3 [id]="'fb-' + f.id">
          {{
            'review.card.from'
              | transloco: { name: f.author?.fullName ?? ('review.card.unknown' | transloco) }
          }}
        </h3>
        <stl-status-badge [tone]="f.kind === 'LEADER' ? 'info' : 'neutral'">
          {{ 'review.kind.' + f.kind | transloco }}
        </stl-status-badge>
        @if (helpful()) {
          <stl-status-badge tone="success">{{ 'review.card.markedHelpful' | transloco }}</stl-status-badge>
        }
      </header>
      <p class="muted feedback__meta">
        {{ 'review.card.givenAt' | transloco: { when: (f.createdAt | stlDateTime: lang()) } }}
        @if (f.version) {
          · {{ 'review.card.onVersion' | transloco: { version: f.version } }}
        }
        @if (sectionTitle()) {
          · {{ 'review.card.aboutSection' | transloco: { section: sectionTitle() } }}
        }
      </p>
      <dl class="feedback__parts">
        @for (part of parts; track part) {
          <dt>{{ 'review.parts.' + part + '.label' | transloco }}</dt>
          <dd class="feedback__text">{{ f[part] }}</dd>
        }
      </dl>

      @if (nextSteps().length) {
        <section class="feedback__steps" [attr.aria-labelledby]="'steps-' + f.id" data-testid="next-steps">
          <h4 [id]="'steps-' + f.id">{{ 'review.card.nextStepsHeading' | transloco }}</h4>
          <ul class="steps">
            @for (step of nextSteps(); track step) {
              @let isChosen = chosen() === step;
              <li class="steps__item" [class.steps__item--chosen]="isChosen">
                <mark class="steps__text">{{ step }}</mark>
                @if (canMarkHelpful()) {
                  <button
                    type="button"
                    class="button button--small"
                    [attr.aria-pressed]="isChosen"
                    [disabled]="busy()"
                    (click)="choose(isChosen ? null : step)"
                  >
                    {{ (isChosen ? 'review.card.willTryChosen' : 'review.card.willTry') | transloco }}
                  </button>
                } @else if (isChosen) {
                  <span class="muted">{{ 'review.card.chosenByAuthor' | transloco }}</span>
                }
              </li>
            }
          </ul>
        </section>
      }

      @if (canLeaderNote() && f.kind === 'PEER') {
        <p class="feedback__example" data-testid="example-ask">
          @switch (example()) {
            @case (null) {
              <button type="button" class="button button--small" [disabled]="busy()" (click)="askExample()">
                {{ 'review.card.example.ask' | transloco }}
              </button>
            }
            @default {
              <span>{{ 'review.card.example.leader.' + example() | transloco }}</span>
            }
          }
        </p>
      }
      @if (isWriter() && example(); as consent) {
        <section
          class="feedback__example"
          [attr.aria-labelledby]="'example-' + f.id"
          data-testid="example-answer"
        >
          <p [id]="'example-' + f.id">{{ 'review.card.example.question' | transloco }}</p>
          <p class="muted">{{ 'review.card.example.writer.' + consent | transloco }}</p>
          <button
            type="button"
            class="button button--small"
            [attr.aria-pressed]="consent === 'GIVEN'"
            [disabled]="busy()"
            (click)="answerExample(true)"
          >
            {{ 'review.card.example.yes' | transloco }}
          </button>
          <button
            type="button"
            class="button button--small"
            [attr.aria-pressed]="consent === 'DECLINED'"
            [disabled]="busy()"
            (click)="answerExample(false)"
          >
            {{ 'review.card.example.no' | transloco }}
          </button>
        </section>
      }

      @if (canMarkHelpful()) {
        <p class="feedback__helpful">
          <button
            type="button"
            class="button"
            [attr.aria-pressed]="helpful()"
            [disabled]="busy()"
            (click)="toggleHelpful()"
          >
            {{ (helpful() ? 'review.card.unmarkHelpful' : 'review.card.markHelpful') | transloco }}
          </button>
        </p>
      }

      @if (comments().length || canReply() || canLeaderNote()) {
        <section class="feedback__thread" [attr.aria-labelledby]="'thread-' + f.id">
          <h4 [id]="'thread-' + f.id">{{ 'review.card.conversation' | transloco }}</h4>
          @if (comments().length) {
            <ul class="thread">
              @for (c of comments(); track c.id) {
                <li
                  class="thread__item"
                  [class.thread__item--note]="c.kind === 'LEADER_NOTE'"
                  data-testid="comment"
                >
                  <p class="thread__who">
                    <strong>{{ c.author?.fullName ?? ('review.card.unknown' | transloco) }}</strong>
                    <span class="muted">
                      · {{ 'review.commentKind.' + c.kind | transloco }} ·
                      {{ c.createdAt | stlDateTime: lang() }}
                    </span>
                  </p>
                  <p class="feedback__text thread__body">{{ c.body }}</p>
                </li>
              }
            </ul>
          } @else {
            <p class="muted">{{ 'review.card.noComments' | transloco }}</p>
          }

          @if (canReply() || canLeaderNote()) {
            <form class="thread__form" (submit)="$event.preventDefault(); send()" novalidate>
              <div class="field" [class.field--invalid]="commentError()">
                <label [for]="'comment-' + f.id">
                  {{ (canReply() ? 'review.card.replyLabel' : 'review.card.noteLabel') | transloco }}
                </label>
                <p class="field__hint" [id]="'comment-hint-' + f.id">
                  {{ (canReply() ? 'review.card.replyHint' : 'review.card.noteHint') | transloco }}
                </p>
                @if (commentError(); as error) {
                  <p class="field__error" [id]="'comment-error-' + f.id" role="alert">
                    {{ error | transloco }}
                  </p>
                }
                <textarea
                  [id]="'comment-' + f.id"
                  rows="3"
                  [attr.maxlength]="maxComment"
                  [value]="draft()"
                  (input)="onDraft($event)"
                  [attr.aria-invalid]="commentError() ? true : null"
                  [attr.aria-describedby]="
                    commentError()
                      ? 'comment-hint-' + f.id + ' comment-error-' + f.id
                      : 'comment-hint-' + f.id
                  "
                ></textarea>
              </div>
              <button type="submit" class="button" [disabled]="busy()">
                {{ (canReply() ? 'review.card.sendReply' : 'review.card.sendNote') | transloco }}
              </button>
            </form>
          }
        </section>
      }
      @if (actionError(); as error) {
        <p class="error-text" role="alert">{{ error.messageKey | transloco }}</p>
      }
      <p class="visually-hidden" role="status">{{ announcement() | transloco }}</p>
    </article>
  `,
  styles: `
    .feedback {
      display: grid;
      gap: 0.5rem;
    }
    .feedback__head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .feedback__head h3 {
      margin: 0;
      font-size: 1.125rem;
    }
    .feedback__meta {
      margin: 0;
      font-size: 0.9375rem;
    }
    .feedback__parts {
      margin: 0;
    }
    .feedback__parts dt {
      font-weight: 700;
      margin-block-start: 0.75rem;
    }
    .feedback__parts dd {
      margin: 0.25rem 0 0;
    }
    .feedback__text {
      white-space: pre-line;
      overflow-wrap: anywhere;
      max-width: 70ch;
    }
    .feedback__steps h4 {
      margin: 0.75rem 0 0.25rem;
      font-size: 1rem;
    }
    .steps {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    .steps__item {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: baseline;
    }
    .steps__text {
      background: #fff3c4;
      color: inherit;
      padding: 0 0.125rem;
      max-width: 70ch;
      overflow-wrap: anywhere;
    }
    .steps__item--chosen .steps__text {
      background: #d1fadf;
      outline: 2px solid #14532d;
    }
    .feedback__example {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: baseline;
      margin: 0.5rem 0 0;
    }
    .feedback__example p {
      margin: 0;
      flex-basis: 100%;
    }
    .feedback__helpful {
      margin: 0.5rem 0 0;
    }
    .feedback__thread h4 {
      margin: 1rem 0 0.5rem;
      font-size: 1rem;
    }
    .thread {
      list-style: none;
      margin: 0 0 1rem;
      padding: 0;
      display: grid;
      gap: 0.75rem;
    }
    .thread__item {
      border-inline-start: 3px solid var(--stl-border);
      padding-inline-start: 0.75rem;
    }
    .thread__item--note {
      border-color: #0b3d75;
    }
    .thread__who,
    .thread__body {
      margin: 0;
    }
    .thread__form {
      display: grid;
      gap: 0.75rem;
      justify-items: start;
    }
    .thread__form .field {
      width: 100%;
    }
  `,
})
export class FeedbackCardComponent {
  private readonly api = inject(ReviewApi);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly parts = FEEDBACK_PARTS;
  protected readonly maxComment = MAX_COMMENT_LENGTH;

  readonly feedback = input.required<FeedbackItem>();
  readonly sectionTitle = input<string | null>(null);
  /** The analysis author: reply and mark helpful. */
  readonly canReply = input(false);
  readonly canMarkHelpful = input(false);
  /** A course leader, on a critical friend's feedback. */
  readonly canLeaderNote = input(false);

  protected readonly helpful = linkedSignal(() => this.feedback().helpful);
  /** The sentences the feedback coach read as next steps, highlighted (issue 15). */
  protected readonly nextSteps = computed(() => this.feedback().quality.nextStep.evidence);
  private readonly session = inject(SessionStore);
  /** The viewer wrote this feedback: they answer a course leader's request to show it. */
  protected readonly isWriter = computed(() => this.feedback().authorId === this.session.viewer()?.person.id);
  /** A course leader's request to show it as a good example, and the writer's answer (ADR 0035). */
  protected readonly example = linkedSignal(() => this.feedback().exampleRequest?.consent ?? null);
  /** The step the analysis author chose to try (ADR 0035). */
  protected readonly chosen = linkedSignal(() => this.feedback().chosenNextStep ?? null);
  protected readonly comments = linkedSignal<FeedbackCommentItem[]>(() => this.feedback().comments);
  protected readonly draft = signal('');
  protected readonly busy = signal(false);
  protected readonly commentError = signal<string | null>(null);
  protected readonly actionError = signal<ApiError | null>(null);
  protected readonly announcement = signal('');
  protected readonly hasDraft = computed(() => this.draft().trim() !== '');

  protected onDraft(event: Event): void {
    this.draft.set((event.target as HTMLTextAreaElement).value);
    if (this.commentError() && this.hasDraft()) this.commentError.set(null);
  }

  protected async toggleHelpful(): Promise<void> {
    const next = !this.helpful();
    this.busy.set(true);
    this.actionError.set(null);
    try {
      const res = await firstValueFrom(this.api.markHelpful(this.feedback().id, next));
      this.helpful.set(res.markFeedbackHelpful.helpful);
      this.announcement.set(
        res.markFeedbackHelpful.helpful ? 'review.card.markedHelpfulNow' : 'review.card.unmarkedHelpfulNow',
      );
    } catch (e) {
      this.actionError.set(toApiError(e));
    } finally {
      this.busy.set(false);
    }
  }

  protected async askExample(): Promise<void> {
    await this.act(async () => {
      const res = await firstValueFrom(this.api.askToShowFeedback(this.feedback().id));
      this.example.set(res.askToShowFeedback.consent);
      this.announcement.set('review.card.example.asked');
    });
  }

  protected async answerExample(consent: boolean): Promise<void> {
    await this.act(async () => {
      const res = await firstValueFrom(this.api.answerFeedbackExample(this.feedback().id, consent));
      this.example.set(res.answerFeedbackExample.consent);
      this.announcement.set(`review.card.example.writer.${res.answerFeedbackExample.consent}`);
    });
  }

  private async act(work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.actionError.set(null);
    try {
      await work();
    } catch (e) {
      this.actionError.set(toApiError(e));
    } finally {
      this.busy.set(false);
    }
  }

  protected async choose(step: string | null): Promise<void> {
    this.busy.set(true);
    this.actionError.set(null);
    try {
      const res = await firstValueFrom(this.api.chooseNextStep(this.feedback().id, step));
      this.chosen.set(res.chooseNextStep?.step ?? null);
      this.announcement.set(res.chooseNextStep ? 'review.card.willTryNow' : 'review.card.willTryUndone');
    } catch (e) {
      this.actionError.set(toApiError(e));
    } finally {
      this.busy.set(false);
    }
  }

  protected async send(): Promise<void> {
    const body = this.draft().trim();
    this.actionError.set(null);
    if (!body) {
      this.commentError.set('review.card.commentEmpty');
      return;
    }
    if ([...body].length > MAX_COMMENT_LENGTH) {
      this.commentError.set('review.card.commentTooLong');
      return;
    }
    this.busy.set(true);
    try {
      const id = this.feedback().id;
      const comment = this.canReply()
        ? (await firstValueFrom(this.api.reply(id, body))).replyToFeedback
        : (await firstValueFrom(this.api.leaderNote(id, body))).commentOnFeedback;
      this.comments.update((list) => [...list, comment]);
      this.draft.set('');
      this.announcement.set(this.canReply() ? 'review.card.replySent' : 'review.card.noteSent');
    } catch (e) {
      // The typed text stays in the field.
      this.actionError.set(toApiError(e));
    } finally {
      this.busy.set(false);
    }
  }
}
