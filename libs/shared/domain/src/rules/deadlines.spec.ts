import fc from 'fast-check';
import { meetingScheduleProblems, roundScheduleProblems } from './deadlines';

const at = (iso: string): Date => new Date(iso);
const period = { startsOn: '2026-08-01', endsOn: '2027-06-30' };
const round = {
  opensAt: at('2026-09-01T06:00:00Z'),
  submissionDeadline: at('2026-09-14T21:59:59Z'),
  feedbackDeadline: at('2026-09-21T21:59:59Z'),
};
const codes = (problems: readonly { code: string; field: string }[]): string[] =>
  problems.map((p) => `${p.code}:${p.field}`);

/** Instants spread around the period so some fall outside it. */
const instant = fc
  .integer({ min: Date.parse('2026-07-01T00:00:00Z'), max: Date.parse('2027-08-01T00:00:00Z') })
  .map((ms) => new Date(ms));

/** A few fixed instants, so equal instants (the boundary of the ordering rule) come up often. */
const clashing = fc.constantFrom(
  ...['2026-09-01T06:00:00Z', '2026-09-14T22:00:00Z', '2026-09-21T22:00:00Z'].map(at),
);
const anyInstant = fc.oneof(instant, clashing);

describe('roundScheduleProblems', () => {
  it('accepts a well-ordered round inside the period', () => {
    expect(roundScheduleProblems(round, period)).toEqual([]);
    expect(roundScheduleProblems(round)).toEqual([]);
  });

  it('rejects a submission deadline at the same instant as the opening', () => {
    const problems = roundScheduleProblems({
      ...round,
      submissionDeadline: new Date(round.opensAt.getTime()),
    });
    expect(problems).toEqual([
      {
        code: 'SUBMISSION_BEFORE_OPENING',
        field: 'submissionDeadline',
        message: 'The submission deadline must be after the round opens.',
      },
    ]);
  });

  it('rejects a feedback deadline at the same instant as the submission deadline', () => {
    const problems = roundScheduleProblems({
      ...round,
      feedbackDeadline: new Date(round.submissionDeadline.getTime()),
    });
    expect(codes(problems)).toEqual(['FEEDBACK_BEFORE_SUBMISSION:feedbackDeadline']);
  });

  it('accepts deadlines one millisecond apart', () => {
    const t = round.opensAt.getTime();
    expect(
      roundScheduleProblems({
        opensAt: new Date(t),
        submissionDeadline: new Date(t + 1),
        feedbackDeadline: new Date(t + 2),
      }),
    ).toEqual([]);
  });

  it('reports both ordering problems when the dates are fully reversed', () => {
    const reversed = {
      opensAt: round.feedbackDeadline,
      submissionDeadline: round.submissionDeadline,
      feedbackDeadline: round.opensAt,
    };
    expect(codes(roundScheduleProblems(reversed))).toEqual([
      'SUBMISSION_BEFORE_OPENING:submissionDeadline',
      'FEEDBACK_BEFORE_SUBMISSION:feedbackDeadline',
    ]);
  });

  it('includes the whole first and last day of the period, in UTC', () => {
    const edge = {
      opensAt: at('2026-08-01T00:00:00.000Z'),
      submissionDeadline: at('2027-06-30T12:00:00Z'),
      feedbackDeadline: at('2027-06-30T23:59:59.999Z'),
    };
    expect(roundScheduleProblems(edge, period)).toEqual([]);
  });

  it('flags each field outside the period, one millisecond over the edge', () => {
    const outside = {
      opensAt: at('2026-07-31T23:59:59.999Z'),
      submissionDeadline: at('2027-06-30T12:00:00Z'),
      feedbackDeadline: at('2027-07-01T00:00:00.000Z'),
    };
    const problems = roundScheduleProblems(outside, period);
    expect(codes(problems)).toEqual([
      'OUTSIDE_COHORT_PERIOD:opensAt',
      'OUTSIDE_COHORT_PERIOD:feedbackDeadline',
    ]);
    expect(problems[0]).toEqual({
      code: 'OUTSIDE_COHORT_PERIOD',
      field: 'opensAt',
      startsOn: '2026-08-01',
      endsOn: '2027-06-30',
      message: "The round's opening time must fall within the cohort's dates, 2026-08-01 to 2027-06-30.",
    });
  });

  it('handles a period ending on a leap day', () => {
    const leap = { startsOn: '2024-02-01', endsOn: '2024-02-29' };
    const late = {
      ...round,
      opensAt: at('2024-02-10T00:00:00Z'),
      submissionDeadline: at('2024-02-20T00:00:00Z'),
    };
    expect(roundScheduleProblems({ ...late, feedbackDeadline: at('2024-02-29T23:00:00Z') }, leap)).toEqual(
      [],
    );
    expect(
      codes(roundScheduleProblems({ ...late, feedbackDeadline: at('2024-03-01T00:00:00Z') }, leap)),
    ).toEqual(['OUTSIDE_COHORT_PERIOD:feedbackDeadline']);
  });

  it('reports an invalid date instead of letting NaN pass every comparison', () => {
    const problems = roundScheduleProblems({ ...round, submissionDeadline: new Date('not a date') }, period);
    expect(codes(problems)).toEqual(['INVALID_DATE:submissionDeadline']);
  });

  it('reports a string passed where a Date belongs (untyped callers) instead of crashing', () => {
    const problems = roundScheduleProblems({ ...round, opensAt: '2026-09-01' as unknown as Date });
    expect(codes(problems)).toEqual(['INVALID_DATE:opensAt']);
  });

  it('throws for a malformed cohort period, which must never reach it', () => {
    expect(() => roundScheduleProblems(round, { startsOn: '2027-06-30', endsOn: '2026-08-01' })).toThrow(
      RangeError,
    );
  });

  it('has no ordering problem exactly when opening < submission < feedback', () => {
    fc.assert(
      fc.property(anyInstant, anyInstant, anyInstant, (opensAt, submissionDeadline, feedbackDeadline) => {
        const problems = roundScheduleProblems({ opensAt, submissionDeadline, feedbackDeadline });
        const ordered = opensAt < submissionDeadline && submissionDeadline < feedbackDeadline;
        expect(problems.length === 0).toBe(ordered);
        expect(problems.every((p) => p.code !== 'OUTSIDE_COHORT_PERIOD')).toBe(true);
      }),
    );
  });

  it('with a period, is empty exactly when ordered and every instant lies inside the period', () => {
    const start = Date.parse('2026-08-01T00:00:00Z');
    const end = Date.parse('2027-07-01T00:00:00Z');
    const inside = (d: Date): boolean => d.getTime() >= start && d.getTime() < end;
    fc.assert(
      fc.property(instant, instant, instant, (opensAt, submissionDeadline, feedbackDeadline) => {
        const problems = roundScheduleProblems({ opensAt, submissionDeadline, feedbackDeadline }, period);
        const outsideFields = problems.filter((p) => p.code === 'OUTSIDE_COHORT_PERIOD').map((p) => p.field);
        expect(outsideFields).toEqual(
          (['opensAt', 'submissionDeadline', 'feedbackDeadline'] as const).filter(
            (f) => !inside({ opensAt, submissionDeadline, feedbackDeadline }[f]),
          ),
        );
        const fine =
          opensAt < submissionDeadline && submissionDeadline < feedbackDeadline && outsideFields.length === 0;
        expect(problems.length === 0).toBe(fine);
      }),
    );
  });

  it('accepts any strictly positive gaps that keep the round inside the period', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 * 86_400_000 }),
        fc.integer({ min: 1, max: 10 * 86_400_000 }),
        (gap1, gap2) => {
          const t = round.opensAt.getTime();
          const r = {
            opensAt: new Date(t),
            submissionDeadline: new Date(t + gap1),
            feedbackDeadline: new Date(t + gap1 + gap2),
          };
          expect(roundScheduleProblems(r, period)).toEqual([]);
        },
      ),
    );
  });
});

describe('meetingScheduleProblems', () => {
  const meeting = { startsAt: at('2026-09-10T13:00:00Z'), endsAt: at('2026-09-10T15:00:00Z') };

  it('accepts a normal meeting', () => {
    expect(meetingScheduleProblems(meeting, period)).toEqual([]);
  });

  it('rejects a meeting that ends when it starts, or earlier', () => {
    expect(codes(meetingScheduleProblems({ ...meeting, endsAt: meeting.startsAt }))).toEqual([
      'MEETING_ENDS_BEFORE_START:endsAt',
    ]);
    expect(meetingScheduleProblems({ startsAt: meeting.endsAt, endsAt: meeting.startsAt })).toEqual([
      {
        code: 'MEETING_ENDS_BEFORE_START',
        field: 'endsAt',
        message: 'The meeting must end after it starts.',
      },
    ]);
  });

  it('allows exactly 12 hours but not a millisecond more', () => {
    const start = meeting.startsAt.getTime();
    expect(
      meetingScheduleProblems({ startsAt: new Date(start), endsAt: new Date(start + 12 * 3_600_000) }),
    ).toEqual([]);
    expect(
      meetingScheduleProblems({ startsAt: new Date(start), endsAt: new Date(start + 12 * 3_600_000 + 1) }),
    ).toEqual([
      {
        code: 'MEETING_TOO_LONG',
        field: 'endsAt',
        maxHours: 12,
        message: 'A meeting can last at most 12 hours; check the end date and time.',
      },
    ]);
  });

  it('flags a meeting that runs past the last day of the period', () => {
    const late = { startsAt: at('2027-06-30T20:00:00Z'), endsAt: at('2027-07-01T01:00:00Z') };
    expect(codes(meetingScheduleProblems(late, period))).toEqual(['OUTSIDE_COHORT_PERIOD:endsAt']);
  });

  it('reports invalid dates', () => {
    expect(codes(meetingScheduleProblems({ startsAt: new Date(NaN), endsAt: new Date(NaN) }))).toEqual([
      'INVALID_DATE:startsAt',
      'INVALID_DATE:endsAt',
    ]);
  });

  it('is fine exactly when 0 < duration ≤ 12 h (without a period)', () => {
    fc.assert(
      fc.property(
        anyInstant,
        fc.oneof(
          fc.integer({ min: -86_400_000, max: 86_400_000 }),
          fc.constantFrom(0, 1, 43_200_000, 43_200_001),
        ),
        (startsAt, duration) => {
          const problems = meetingScheduleProblems({
            startsAt,
            endsAt: new Date(startsAt.getTime() + duration),
          });
          expect(problems.length === 0).toBe(duration > 0 && duration <= 12 * 3_600_000);
          expect(problems.length).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
