import type { FeedbackQualityCounts } from '@stl/web/data-access';

/** The three qualities the course leader follows over the year (issue 15), in display order. */
export const FOLLOWED = ['anchored', 'question', 'nextStep'] as const;
export type Followed = (typeof FOLLOWED)[number];

/** A share 0–1 of the assessed feedback, or null when none was assessed. */
export function shareOf(counts: FeedbackQualityCounts, quality: Followed): number | null {
  return counts.assessed === 0 ? null : counts[quality] / counts.assessed;
}

/** A whole percentage for people: 0.666… → 67. */
export function percent(share: number | null): number | null {
  return share === null ? null : Math.round(share * 100);
}

export interface ChartPoint {
  x: number;
  y: number;
}

/** Chart geometry: the plot's box inside the SVG's viewBox. */
export const CHART = { width: 560, height: 220, left: 44, right: 16, top: 12, bottom: 32 } as const;

/**
 * The points of one quality's line over the rounds: x by round position, y by share (0 % at the
 * bottom); rounds without assessed feedback leave a gap (a new segment starts after them).
 */
export function lineSegments(rounds: readonly FeedbackQualityCounts[], quality: Followed): ChartPoint[][] {
  const segments: ChartPoint[][] = [];
  let current: ChartPoint[] = [];
  rounds.forEach((counts, i) => {
    const share = shareOf(counts, quality);
    if (share === null) {
      if (current.length) segments.push(current);
      current = [];
      return;
    }
    current.push({ x: xOf(i, rounds.length), y: yOf(share) });
  });
  if (current.length) segments.push(current);
  return segments;
}

export function xOf(index: number, count: number): number {
  const inner = CHART.width - CHART.left - CHART.right;
  return count <= 1 ? CHART.left + inner / 2 : CHART.left + (inner * index) / (count - 1);
}

export function yOf(share: number): number {
  const inner = CHART.height - CHART.top - CHART.bottom;
  return CHART.top + inner * (1 - share);
}

export interface TrendSummary {
  quality: Followed;
  first: { number: number; percent: number };
  last: { number: number; percent: number };
}

/**
 * How each quality's share moved from the first to the latest round with assessed feedback; null
 * when fewer than two rounds have any.
 */
export function trends(
  rounds: readonly { number: number; counts: FeedbackQualityCounts }[],
): TrendSummary[] | null {
  const withFeedback = rounds.filter((r) => r.counts.assessed > 0);
  if (withFeedback.length < 2) return null;
  const first = withFeedback[0];
  const last = withFeedback[withFeedback.length - 1];
  return FOLLOWED.map((quality) => ({
    quality,
    first: { number: first.number, percent: percent(shareOf(first.counts, quality)) ?? 0 },
    last: { number: last.number, percent: percent(shareOf(last.counts, quality)) ?? 0 },
  }));
}
