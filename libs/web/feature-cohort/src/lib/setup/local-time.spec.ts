import { addDays, isIsoDate } from '@stl/shared/domain';
import { isClockTime, toInstant, toLocalParts } from './local-time';

describe('Swedish dates and times in forms', () => {
  it('turns a Swedish date and time into an instant, in winter and in summer time', () => {
    expect(toInstant('2027-11-10', '13:00')).toBe('2027-11-10T12:00:00.000Z');
    expect(toInstant('2027-09-08', '13.00')).toBe('2027-09-08T11:00:00.000Z');
    expect(toInstant('2027-03-28', '03:30')).toBe('2027-03-28T01:30:00.000Z');
  });

  it('reads an instant back as the date and time a Swede would write', () => {
    expect(toLocalParts('2027-11-10T12:00:00.000Z')).toEqual({ date: '2027-11-10', time: '13:00' });
    expect(toLocalParts('2027-09-07T21:59:00.000Z')).toEqual({ date: '2027-09-07', time: '23:59' });
    expect(toLocalParts('2027-12-31T23:30:00.000Z')).toEqual({ date: '2028-01-01', time: '00:30' });
  });

  it('refuses dates and times that do not exist', () => {
    expect(toInstant('2027-02-30', '13:00')).toBeNull();
    expect(toInstant('2027-09-08', '24:00')).toBeNull();
    expect(toInstant('', '')).toBeNull();
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isClockTime('8:00')).toBe(false);
    expect(isClockTime('08:00')).toBe(true);
  });

  it('moves calendar dates across months and years', () => {
    expect(addDays('2027-01-31', 1)).toBe('2027-02-01');
    expect(addDays('2028-01-01', -1)).toBe('2027-12-31');
    expect(addDays('2027-09-08', 28)).toBe('2027-10-06');
  });
});
