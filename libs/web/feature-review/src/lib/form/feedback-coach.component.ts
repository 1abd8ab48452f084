import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { analyseFeedback } from '@stl/shared/domain/feedback-coach';
import type { CoachLanguage, FeedbackQuality } from '@stl/shared/domain/feedback-coach';

/** The qualities the checklist asks for, in the order a writer meets them. */
const GOALS = [
  'anchored',
  'question',
  'nextStep',
  'aboutLearning',
] as const satisfies readonly FeedbackQuality[];

/**
 * A quiet checklist beside the feedback form (issue 15, docs/feedback-coach.md): it ticks as the
 * writer's text refers to the analysis, asks, proposes a next step and speaks of the pupils'
 * learning, with a short hint and an example for what is missing, and a note when the text is only
 * praise or judgement. It never blocks sending. The analyser runs in the browser on every change
 * (a few milliseconds); it loads with the feedback route, never in the start bundle.
 */
@Component({
  selector: 'stl-feedback-coach',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    <section class="coach" aria-labelledby="coach-heading" data-testid="feedback-coach">
      <h3 id="coach-heading" class="coach__heading">{{ 'review.coach.heading' | transloco }}</h3>
      @if (required().length) {
        <p class="coach__lead" data-testid="coach-required-lead">
          {{ 'review.coach.requiredLead' | transloco: { names: requiredNames() } }}
        </p>
      } @else {
        <p class="coach__lead">{{ 'review.coach.lead' | transloco }}</p>
      }
      <ul class="coach__list">
        @for (goal of goals; track goal) {
          @let finding = analysis()[goal];
          @let isRequired = required().includes(goal);
          <li
            class="coach__item"
            [class.coach__item--done]="finding.found"
            [class.coach__item--refused]="!finding.found && refused().includes(goal)"
            [attr.data-quality]="goal"
            [attr.data-required]="isRequired ? 'true' : null"
          >
            <span class="coach__mark" aria-hidden="true">{{ finding.found ? '✓' : '○' }}</span>
            <span class="coach__body">
              <span class="coach__name"
                >{{ 'review.coach.' + goal + '.name' | transloco }}
                @if (isRequired) {
                  <span class="coach__required">({{ 'review.coach.required' | transloco }})</span>
                }
              </span>
              <span class="visually-hidden">
                – {{ (finding.found ? 'review.coach.found' : 'review.coach.missing') | transloco }}</span
              >
              @if (finding.found) {
                <span class="coach__evidence">
                  {{ 'review.coach.because' | transloco }} ”{{ evidenceOf(finding.evidence) }}”
                </span>
              } @else if (started() || refused().includes(goal)) {
                <span class="coach__hint">{{ 'review.coach.' + goal + '.hint' | transloco }}</span>
                <span class="coach__example">{{ 'review.coach.' + goal + '.example' | transloco }}</span>
              }
            </span>
          </li>
        }
      </ul>
      @if (analysis().onlyPraise.found) {
        <p class="coach__praise" data-testid="coach-only-praise">
          {{ 'review.coach.onlyPraise' | transloco: { words: analysis().onlyPraise.evidence.join(', ') } }}
        </p>
      }
    </section>
  `,
  styles: `
    .coach {
      border: 1px solid var(--stl-border, #d0d5dd);
      border-radius: 0.5rem;
      padding: 0.75rem 1rem;
      background: var(--stl-surface-muted, #f8fafc);
    }
    .coach__heading {
      font-size: 1rem;
      margin: 0;
    }
    .coach__lead {
      margin: 0.25rem 0 0.5rem;
      font-size: 0.9375rem;
      color: var(--stl-text-muted);
    }
    .coach__list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    .coach__item {
      display: grid;
      grid-template-columns: 1.5rem 1fr;
      align-items: start;
    }
    .coach__mark {
      font-weight: 700;
      color: var(--stl-text-muted);
    }
    .coach__item--done .coach__mark {
      color: #14532d;
    }
    .coach__body {
      display: grid;
      gap: 0.125rem;
      font-size: 0.9375rem;
    }
    .coach__name {
      font-weight: 600;
    }
    .coach__evidence,
    .coach__example {
      color: var(--stl-text-muted);
      overflow-wrap: anywhere;
    }
    .coach__example {
      font-style: italic;
    }
    .coach__required {
      font-weight: 400;
      color: var(--stl-text-muted);
    }
    .coach__item--refused .coach__name {
      color: var(--stl-danger, #b42318);
    }
    .coach__praise {
      margin: 0.75rem 0 0;
      font-size: 0.9375rem;
    }
  `,
})
export class FeedbackCoachComponent {
  /** The feedback as typed: its parts joined. */
  readonly text = input.required<string>();
  /** The analysis the feedback answers, as plain text. */
  readonly analysisText = input.required<string>();
  readonly language = input<CoachLanguage>('sv');
  /** Qualities the cohort's course leaders require (ADR 0035): marked, and said in the lead. */
  readonly required = input<readonly string[]>([]);
  /** Qualities the API said were missing when the writer tried to send. */
  readonly refused = input<readonly string[]>([]);
  /** The required qualities' names, for the lead (translated by the caller's language). */
  readonly requiredNames = input<string>('');

  protected readonly goals = GOALS;
  protected readonly analysis = computed(() =>
    analyseFeedback(this.text(), this.analysisText(), this.language()),
  );
  /** Hints wait until the writer has begun, so an empty form is not a list of demands. */
  protected readonly started = computed(() => this.text().trim().length > 0);

  protected evidenceOf(evidence: readonly string[]): string {
    const first = evidence[0] ?? '';
    return first.length > 90 ? `${first.slice(0, 88)}…` : first;
  }
}
