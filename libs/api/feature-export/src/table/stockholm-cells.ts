import { wallClock } from '@stl/shared/domain';

const pad = (n: number) => String(n).padStart(2, '0');

/** The Stockholm calendar day of an instant, as Swedes write it: 2026-12-06. */
export function stockholmDay(at: Date): string {
  return wallClock(at).date;
}

/** The Stockholm wall clock of an instant to the minute: 2026-12-06 13:30. */
export function stockholmMinute(at: Date): string {
  const w = wallClock(at);
  return `${w.date} ${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * An XLSX date has no time zone: it is the wall clock a reader sees. The XLSX writer takes a JS
 * Date's UTC fields as that wall clock, so the instant is moved to the UTC instant that shows the
 * Stockholm wall clock (13:30 in Stockholm → 13:30 in the cell, in summer and in winter alike).
 */
export function stockholmWallClockAsUtc(at: Date, withTime: boolean): Date {
  const w = wallClock(at);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, withTime ? w.hour : 0, withTime ? w.minute : 0));
}
