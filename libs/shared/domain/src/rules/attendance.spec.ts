import { attendanceRecordingProblem } from './attendance';

const startsAt = new Date('2027-01-27T12:00:00Z');
const at = (iso: string) => new Date(iso);

describe('recording attendance', () => {
  it('is refused for a meeting that has not started, saying when it starts', () => {
    expect(attendanceRecordingProblem({ startsAt }, at('2027-01-27T11:59:59.999Z'))).toEqual({
      code: 'MEETING_NOT_STARTED',
      startsAt,
      message:
        'The meeting has not started yet (it starts 2027-01-27T12:00:00.000Z); attendance can be recorded once it has begun.',
    });
    expect(attendanceRecordingProblem({ startsAt }, at('2026-12-06T08:00:00Z'))?.code).toBe(
      'MEETING_NOT_STARTED',
    );
  });

  it('is allowed from the start time on: during the meeting and any time after it', () => {
    expect(attendanceRecordingProblem({ startsAt }, startsAt)).toBeNull();
    expect(attendanceRecordingProblem({ startsAt }, at('2027-01-27T13:30:00Z'))).toBeNull();
    expect(attendanceRecordingProblem({ startsAt }, at('2027-06-30T00:00:00Z'))).toBeNull();
  });

  it('throws on an invalid date rather than guessing', () => {
    expect(() => attendanceRecordingProblem({ startsAt: new Date('nonsense') }, startsAt)).toThrow(
      RangeError,
    );
    expect(() => attendanceRecordingProblem({ startsAt }, new Date(NaN))).toThrow(RangeError);
  });
});
