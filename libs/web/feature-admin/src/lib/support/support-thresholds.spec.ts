import { supportThresholdProblems } from './support-thresholds.page';

describe('the support thresholds form', () => {
  it('accepts whole numbers in range with needing support not before behind', () => {
    expect(
      supportThresholdProblems({ behindAfterDays: 1, needsSupportAfterDays: 7, needsSupportRoundsMissed: 2 }),
    ).toEqual({});
  });

  it('names each field out of range, and needing support starting before behind', () => {
    expect(
      supportThresholdProblems({
        behindAfterDays: 0,
        needsSupportAfterDays: null,
        needsSupportRoundsMissed: 1.5,
      }),
    ).toEqual({
      'support-behind-days': 'admin.support.problem.behindAfterDays',
      'support-needs-days': 'admin.support.problem.needsSupportAfterDays',
      'support-rounds': 'admin.support.problem.needsSupportRoundsMissed',
    });
    expect(
      supportThresholdProblems({ behindAfterDays: 5, needsSupportAfterDays: 3, needsSupportRoundsMissed: 2 }),
    ).toEqual({ 'support-needs-days': 'admin.support.problem.needsBeforeBehind' });
  });
});
