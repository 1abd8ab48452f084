import { schoolYearBounds, schoolYearOf } from '@stl/shared/domain';

/**
 * What a new cohort's form starts with: the coming school year (it turns on 1 July, so planning
 * in spring already means next year) and its teaching dates, 1 August to 30 June.
 */
export function cohortDefaults(now: Date): { schoolYear: string; startsOn: string; endsOn: string } {
  const next = new Date(now);
  // From January on, the cohort being planned is usually next autumn's.
  if (now.getUTCMonth() < 6) next.setUTCFullYear(now.getUTCFullYear(), 6, 1);
  const year = schoolYearOf(next);
  const bounds = schoolYearBounds(year.label);
  return { schoolYear: year.label, startsOn: bounds?.startsOn ?? '', endsOn: bounds?.endsOn ?? '' };
}

/** "75" (per cent, as typed) → 0.75; null when it is not a number from 0 to 100. */
export function shareFromPercent(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  if (!text.trim() || !Number.isFinite(value) || value < 0 || value > 100) return null;
  return Math.round(value * 100) / 10_000;
}

/** A whole number from min to max, as typed; null otherwise. */
export function wholeNumber(text: string, min: number, max: number): number | null {
  const value = Number(text.trim());
  return text.trim() && Number.isInteger(value) && value >= min && value <= max ? value : null;
}
