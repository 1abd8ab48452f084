import { operatorFormErrors, operatorProblemKey } from './operator-errors';
import { canInvite } from './status-badge';

describe('operator forms', () => {
  it("word the API's onboarding codes themselves and fall back for the rest", () => {
    expect(operatorProblemKey({ field: 'slug', code: 'SLUG_TAKEN', message: '' })).toBe(
      'operator.problems.SLUG_TAKEN',
    );
    expect(operatorProblemKey({ field: 'x', code: 'isString', message: '' })).toBe('problems.INVALID');
  });

  it('put each problem beside its field and in the summary', () => {
    const errors = operatorFormErrors(
      {
        code: 'CONFLICT',
        messageKey: 'errors.CONFLICT',
        problems: [{ field: 'adminEmail', code: 'EMAIL_TAKEN', message: 'taken' }],
      },
      { adminEmail: 'org-admin-email' },
    );
    expect(errors.fields).toEqual({ 'org-admin-email': 'operator.problems.EMAIL_TAKEN' });
    expect(errors.summary).toEqual([{ target: 'org-admin-email', key: 'operator.problems.EMAIL_TAKEN' }]);
  });

  it('offer a new invitation only to administrators who cannot get in yet', () => {
    expect(canInvite('INVITED')).toBe(true);
    expect(canInvite('INVITATION_EXPIRED')).toBe(true);
    expect(canInvite('NOT_INVITED')).toBe(true);
    expect(canInvite('ACTIVE')).toBe(false);
    expect(canInvite('INACTIVE')).toBe(false);
  });
});
