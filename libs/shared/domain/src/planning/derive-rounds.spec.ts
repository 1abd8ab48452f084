import { derivableRoundCount, deriveRounds } from './derive-rounds';
import type { MeetingSlot } from './derive-rounds';
import { stockholmInstant } from '../calendar/stockholm';

const toInstant = (date: string, time: string) =>
  stockholmInstant(date, Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))).toISOString();

/** Meetings every four weeks from 8 September 2027, 13.00–16.00 Swedish time. */
function plan(count: number): MeetingSlot[] {
  const dates = ['2027-09-08', '2027-10-06', '2027-11-03', '2027-12-01', '2028-01-12', '2028-02-09'];
  const more = ['2028-03-08', '2028-04-05', '2028-05-03', '2028-05-31'];
  return [...dates, ...more].slice(0, count).map((date, i) => ({
    id: `m${i + 1}`,
    number: i + 1,
    startsAt: toInstant(date, '13:00') as string,
    endsAt: toInstant(date, '16:00') as string,
  }));
}

describe('round deadlines derived from the meetings', () => {
  it('gives eight meetings six rounds, each in step with its meetings', () => {
    const rounds = deriveRounds(plan(8), 6);
    expect(rounds).toHaveLength(6);
    expect(rounds[0]).toEqual({
      number: 1,
      opensAt: toInstant('2027-09-08', '16:00'),
      submissionDeadline: toInstant('2027-10-05', '23:59'),
      feedbackDeadline: toInstant('2027-11-02', '23:59'),
      meetingId: 'm3',
    });
    expect(rounds[5].meetingId).toBe('m8');
    expect(rounds[5].feedbackDeadline).toBe(toInstant('2028-04-04', '23:59'));
  });

  it('keeps every round in order: opens < publish by < feedback by', () => {
    for (const r of deriveRounds(plan(10), 8)) {
      expect(Date.parse(r.opensAt)).toBeLessThan(Date.parse(r.submissionDeadline));
      expect(Date.parse(r.submissionDeadline)).toBeLessThan(Date.parse(r.feedbackDeadline));
    }
  });

  it('follows the meetings in time order, whatever their numbers', () => {
    const shuffled = plan(8).reverse();
    expect(deriveRounds(shuffled, 6).map((r) => r.meetingId)).toEqual(['m3', 'm4', 'm5', 'm6', 'm7', 'm8']);
  });

  it('derives fewer rounds when meetings are missing, and none without three', () => {
    expect(deriveRounds(plan(5), 6)).toHaveLength(3);
    expect(deriveRounds(plan(2), 6)).toEqual([]);
    expect(derivableRoundCount(8)).toBe(6);
    expect(derivableRoundCount(1)).toBe(0);
  });
});
