import type { Lang } from '@stl/web/util-i18n';

/** From two days on, a turnaround is read in days: "85,6 dygn" is easier to picture than "2 053,2 tim". */
export const DAYS_FROM_HOURS = 48;

/** The unit a duration is written in; also its dictionary key (`dashboard.hours`, `dashboard.days`). */
export type DurationUnit = 'hours' | 'days';

/** The unit for a duration of this many hours, decided on the hours as shown (47.96 → "48" → days). */
export function durationUnit(hours: number): DurationUnit {
  return Math.round(hours * 10) / 10 >= DAYS_FROM_HOURS ? 'days' : 'hours';
}

/** A duration given in hours, in `unit`: its number, for the unit's dictionary text. */
export function durationIn(hours: number, unit: DurationUnit): number {
  return unit === 'days' ? hours / 24 : hours;
}

/**
 * The number of a duration already in its unit, as written in `lang`: days always with one decimal
 * ("85,6", "2,0"), hours with at most one ("36", "7,5").
 */
export function formatDurationNumber(value: number, unit: DurationUnit, lang: Lang): string {
  const digits =
    unit === 'days' ? { minimumFractionDigits: 1, maximumFractionDigits: 1 } : { maximumFractionDigits: 1 };
  return new Intl.NumberFormat(lang, digits).format(value);
}
