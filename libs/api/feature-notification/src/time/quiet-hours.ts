import type { QuietHours } from '@stl/api/util-config';
import { addDays, stockholmInstant, wallClock } from '@stl/shared/domain';

export type { QuietHours };

/** Whether `at` falls in the quiet hours (Stockholm clock). A window with start > end spans midnight. */
export function isQuiet(at: Date, quiet: QuietHours | null): boolean {
  if (!quiet) return false;
  const m = wallClock(at).minuteOfDay;
  return quiet.startMinute > quiet.endMinute
    ? m >= quiet.startMinute || m < quiet.endMinute
    : m >= quiet.startMinute && m < quiet.endMinute;
}

/**
 * When a message created at `at` may go out: null (now) outside the quiet hours, else the next end
 * of the quiet hours, e.g. 07:00 the next morning for a message made at 22:15.
 */
export function quietUntil(at: Date, quiet: QuietHours | null): Date | null {
  if (!quiet || !isQuiet(at, quiet)) return null;
  const clock = wallClock(at);
  const day = clock.minuteOfDay >= quiet.endMinute ? addDays(clock.date, 1) : clock.date;
  return stockholmInstant(day, quiet.endMinute);
}
