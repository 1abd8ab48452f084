import { openSelfAssessmentWindow } from './window';

const cohort = {
  status: 'OPEN' as const,
  startsOn: '2026-08-17',
  endsOn: '2027-06-11',
  firstSubmissionDeadline: new Date('2026-09-15T20:00:00Z'),
  lastMeetingStartsAt: new Date('2027-05-20T11:00:00Z'),
};

describe('self-assessment windows', () => {
  it('opens the start on the first day (Stockholm midnight) until the first analysis is due', () => {
    expect(openSelfAssessmentWindow(cohort, new Date('2026-08-16T21:59:00Z'))).toBeNull();
    expect(openSelfAssessmentWindow(cohort, new Date('2026-08-16T22:00:00Z'))?.phase).toBe('BEFORE');
    expect(openSelfAssessmentWindow(cohort, new Date('2026-09-15T20:00:00Z'))).toBeNull();
  });

  it('opens the end at the last meeting until four weeks after the last day', () => {
    expect(openSelfAssessmentWindow(cohort, new Date('2027-05-20T11:00:00Z'))?.phase).toBe('AFTER');
    expect(openSelfAssessmentWindow(cohort, new Date('2027-07-09T21:59:00Z'))?.phase).toBe('AFTER');
    expect(openSelfAssessmentWindow(cohort, new Date('2027-07-09T22:00:00Z'))).toBeNull();
  });

  it('has nothing open while the cohort is planned or archived', () => {
    const at = new Date('2026-09-01T10:00:00Z');
    expect(openSelfAssessmentWindow({ ...cohort, status: 'PLANNING' }, at)).toBeNull();
    expect(openSelfAssessmentWindow({ ...cohort, status: 'ARCHIVED' }, at)).toBeNull();
  });
});
