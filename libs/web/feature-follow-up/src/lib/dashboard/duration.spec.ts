import { DICTIONARIES } from '@stl/web/util-i18n/dictionaries';
import type { Lang } from '@stl/web/util-i18n';
import { DAYS_FROM_HOURS, durationIn, durationUnit, formatDurationNumber } from './duration';

/** A duration as the dashboard writes it, through the real dictionaries (`dashboard.hours` / `.days`). */
function written(hours: number, lang: Lang): string {
  const unit = durationUnit(hours);
  const value = formatDurationNumber(durationIn(hours, unit), unit, lang);
  return DICTIONARIES[lang].dashboard[unit].replace('{{value}}', value);
}

describe('turnaround durations on the dashboard', () => {
  it('writes two days or more in days with one decimal, Swedish and English', () => {
    expect(written(2053.2, 'sv')).toBe('85,6 dygn');
    expect(written(2053.2, 'en')).toBe('85.6 days');
    expect(written(DAYS_FROM_HOURS, 'sv')).toBe('2,0 dygn');
    expect(written(DAYS_FROM_HOURS, 'en')).toBe('2.0 days');
    expect(written(24 * 1234.56, 'sv')).toBe('1\u00a0234,6 dygn');
    expect(written(24 * 1234.56, 'en')).toBe('1,234.6 days');
  });

  it('writes less than two days in hours, with at most one decimal', () => {
    expect(written(36, 'sv')).toBe('36 tim');
    expect(written(7.25, 'sv')).toBe('7,3 tim');
    expect(written(47.9, 'en')).toBe('47.9 h');
    expect(written(0, 'en')).toBe('0 h');
  });

  it('decides on the hours as they would be shown: 47.96 would read "48", so it is days', () => {
    expect(durationUnit(47.94)).toBe('hours');
    expect(durationUnit(47.96)).toBe('days');
    expect(written(47.96, 'sv')).toBe('2,0 dygn');
  });

  it('gives a chart one unit for numbers already converted to it', () => {
    expect(durationIn(72, 'days')).toBe(3);
    expect(durationIn(72, 'hours')).toBe(72);
    expect(formatDurationNumber(0, 'days', 'sv')).toBe('0,0');
    expect(formatDurationNumber(0.5, 'hours', 'sv')).toBe('0,5');
  });
});
