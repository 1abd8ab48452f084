import { Pipe } from '@angular/core';
import type { PipeTransform } from '@angular/core';
import {
  formatCalendarDate,
  formatDate,
  formatDateTime,
  formatShortDate,
  formatTime,
  formatWeek,
} from './format';
import type { Lang } from './format';

/*
 * Pure pipes that take the language as an argument, so a language switch re-renders them:
 * `{{ meeting.startsAt | stlDateTime: lang() }}` with `lang = inject(LanguageService).lang`.
 */

@Pipe({ name: 'stlDateTime' })
export class DateTimePipe implements PipeTransform {
  transform(value: string | Date | null | undefined, lang: Lang): string {
    return value ? formatDateTime(value, lang) : '';
  }
}

@Pipe({ name: 'stlDate' })
export class DatePipe implements PipeTransform {
  transform(value: string | Date | null | undefined, lang: Lang): string {
    return value ? formatDate(value, lang) : '';
  }
}

/** For YYYY-MM-DD calendar dates (no time, no time zone). */
@Pipe({ name: 'stlCalendarDate' })
export class CalendarDatePipe implements PipeTransform {
  transform(value: string | null | undefined, lang: Lang): string {
    return value ? formatCalendarDate(value, lang) : '';
  }
}

@Pipe({ name: 'stlShortDate' })
export class ShortDatePipe implements PipeTransform {
  transform(value: string | Date | null | undefined, lang: Lang): string {
    return value ? formatShortDate(value, lang) : '';
  }
}

@Pipe({ name: 'stlTime' })
export class TimePipe implements PipeTransform {
  transform(value: string | Date | null | undefined, lang: Lang): string {
    return value ? formatTime(value, lang) : '';
  }
}

@Pipe({ name: 'stlWeek' })
export class WeekPipe implements PipeTransform {
  transform(value: string | Date | null | undefined, lang: Lang): string {
    return value ? formatWeek(value, lang) : '';
  }
}

/** Every formatting pipe, to put in a component's imports at once. */
export const FORMAT_PIPES = [
  DateTimePipe,
  DatePipe,
  CalendarDatePipe,
  ShortDatePipe,
  TimePipe,
  WeekPipe,
] as const;
