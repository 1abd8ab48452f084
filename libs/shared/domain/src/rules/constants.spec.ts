import * as domain from '../index';
import {
  DEFAULT_FEEDBACK_MIN_LENGTH,
  DEFAULT_PEERS_PER_ANALYSIS,
  DEFAULT_REQUIRED_ATTENDANCE_SHARE,
  MAX_NAME_LENGTH,
  MAX_TEXT_LENGTH,
  MAX_TITLE_LENGTH,
  MIN_ANALYSIS_ROUNDS,
  MIN_MEETINGS,
  MIN_PUBLISHED_ANALYSES_FOR_COMPLETION,
} from './index';

describe('course rule constants', () => {
  it('holds the numbers in the product rules', () => {
    expect(MIN_MEETINGS).toBe(8);
    expect(MIN_ANALYSIS_ROUNDS).toBe(6);
    expect(MIN_PUBLISHED_ANALYSES_FOR_COMPLETION).toBe(6);
    expect(DEFAULT_PEERS_PER_ANALYSIS).toBe(2);
    expect(DEFAULT_REQUIRED_ATTENDANCE_SHARE).toBe(0.75);
    expect(DEFAULT_FEEDBACK_MIN_LENGTH).toBe(50);
  });

  it('lets a participant in a minimal cohort complete: one published analysis per round suffices', () => {
    expect(MIN_PUBLISHED_ANALYSES_FOR_COMPLETION).toBeLessThanOrEqual(MIN_ANALYSIS_ROUNDS);
  });

  it('uses an attendance share a participant can actually meet', () => {
    expect(DEFAULT_REQUIRED_ATTENDANCE_SHARE).toBeGreaterThan(0);
    expect(DEFAULT_REQUIRED_ATTENDANCE_SHARE).toBeLessThanOrEqual(1);
    // Someone may miss at least one of the minimum number of meetings.
    expect(Math.ceil(MIN_MEETINGS * DEFAULT_REQUIRED_ATTENDANCE_SHARE)).toBeLessThan(MIN_MEETINGS);
  });

  it('orders the text limits name < title < text, with names fitting varchar(200)', () => {
    expect(MAX_NAME_LENGTH).toBe(200);
    expect(MAX_NAME_LENGTH).toBeLessThan(MAX_TITLE_LENGTH);
    expect(MAX_TITLE_LENGTH).toBeLessThan(MAX_TEXT_LENGTH);
  });

  it('is reachable from the library root, not only from the rules folder', () => {
    expect(domain.MIN_MEETINGS).toBe(MIN_MEETINGS);
    expect(typeof domain.cohortOpeningProblems).toBe('function');
    expect(typeof domain.roundScheduleProblems).toBe('function');
    expect(domain.CohortStatus.Open).toBe('OPEN');
  });
});
