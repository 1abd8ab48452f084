import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { FollowUpApi, apiResource } from '@stl/web/data-access';
import { LoadDirective, PageHeaderComponent } from '@stl/web/ui';
import { CHART, FOLLOWED, lineSegments, percent, shareOf, trends, xOf, yOf } from './feedback-quality';
import type { Followed } from './feedback-quality';

/** Each line's look: a colour and a dash pattern, so the lines differ without colour too. */
const LINE_STYLE: Record<Followed, { colour: string; dash: string; marker: string }> = {
  anchored: { colour: '#0b3d75', dash: '', marker: 'circle' },
  question: { colour: '#8a3b00', dash: '6 4', marker: 'square' },
  nextStep: { colour: '#14532d', dash: '2 3', marker: 'diamond' },
};

/**
 * The course leader's feedback figures (issue 15, ADR 0035): per round and per critical friend,
 * the share of feedback that is anchored, asks and proposes a next step, and its trend over the
 * year — a small SVG chart drawn in the template (no chart library), the same numbers as tables,
 * and a text summary. Loaded with its own route, never in the start bundle.
 */
@Component({
  selector: 'stl-feedback-quality-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, RouterLink, TranslocoPipe, LoadDirective, PageHeaderComponent],
  templateUrl: './feedback-quality.page.html',
  styleUrl: './feedback-quality.page.css',
})
export class FeedbackQualityPage {
  private readonly api = inject(FollowUpApi);
  /** Route parameter. */
  readonly cohortId = input.required<string>();

  protected readonly state = apiResource({
    params: () => ({ cohortId: this.cohortId() }),
    stream: ({ cohortId }) => this.api.feedbackQuality(cohortId),
  });
  protected readonly data = computed(() => (this.state.hasValue() ? this.state.value() : null));
  protected readonly figures = computed(() => this.data()?.cohortFeedbackQuality ?? null);

  protected readonly followed = FOLLOWED;
  protected readonly chart = CHART;
  protected readonly styleOf = LINE_STYLE;
  protected readonly gridLines = [0, 0.25, 0.5, 0.75, 1].map((share) => ({
    y: yOf(share),
    label: `${share * 100} %`,
  }));

  protected readonly lines = computed(() => {
    const rounds = (this.figures()?.rounds ?? []).map((r) => r.counts);
    return FOLLOWED.map((quality) => ({
      quality,
      style: LINE_STYLE[quality],
      segments: lineSegments(rounds, quality).map((points) => ({
        points,
        path: points.map((p) => `${p.x},${p.y}`).join(' '),
      })),
    }));
  });
  protected readonly xLabels = computed(() => {
    const rounds = this.figures()?.rounds ?? [];
    return rounds.map((r, i) => ({
      number: r.number,
      x: xOf(i, rounds.length),
    }));
  });
  protected readonly trend = computed(() => trends(this.figures()?.rounds ?? []));
  /** The latest round with feedback, for the summary. */
  protected readonly latest = computed(
    () => [...(this.figures()?.rounds ?? [])].reverse().find((r) => r.counts.assessed > 0) ?? null,
  );
  protected readonly friends = computed(() =>
    [...(this.figures()?.friends ?? [])].sort((a, b) =>
      (a.person?.fullName ?? '').localeCompare(b.person?.fullName ?? '', 'sv'),
    ),
  );

  /** A critical friend's rounds in which they gave feedback: their trend over the year. */
  protected givenRounds<R extends { counts: { given: number } }>(rounds: readonly R[]): R[] {
    return rounds.filter((r) => r.counts.given > 0);
  }

  protected pct(counts: Parameters<typeof shareOf>[0], quality: Followed): string {
    const p = percent(shareOf(counts, quality));
    return p === null ? '–' : `${p} %`;
  }
}
