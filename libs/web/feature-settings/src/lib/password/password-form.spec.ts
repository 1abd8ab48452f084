import { apiProblems, clientProblems, lengthState, passwordFieldIdOf } from '@stl/web/ui/password-form';

describe('change-password form', () => {
  const me = { email: 'sara.lindqvist@larkby.example', fullName: 'Sara Lindqvist' };

  it('counts characters as the rule does (code points after NFKC)', () => {
    expect(lengthState('🙂🙂🙂')).toEqual({ length: 3, enough: false, min: 12 });
    expect(lengthState('tolv tecken!')).toEqual({ length: 12, enough: true, min: 12 });
  });

  it('checks with the shared rule before sending', () => {
    expect(clientProblems('', 'kort', me)).toEqual([
      { field: 'current-password', key: 'password.problems.currentMissing' },
      { field: 'new-password', key: 'password.problems.PASSWORD_TOO_SHORT' },
    ]);
    expect(clientProblems('old', '1qaz2wsx3edc', me)).toEqual([
      { field: 'new-password', key: 'password.problems.PASSWORD_COMMON' },
    ]);
    expect(clientProblems('old', 'lindqvist på sommaren', me)).toEqual([
      { field: 'new-password', key: 'password.problems.PASSWORD_CONTAINS_PERSONAL' },
    ]);
    expect(clientProblems('old', 'regn över Lärkby i november', me)).toEqual([]);
  });

  it("places the API's field problems beside their fields", () => {
    expect(passwordFieldIdOf('roles')).toBeNull();
    expect(
      apiProblems('BAD_USER_INPUT', [
        { field: 'newPassword', code: 'PASSWORD_COMMON' },
        { field: 'newPassword', code: 'isString' },
      ]),
    ).toEqual([
      { field: 'new-password', key: 'password.problems.PASSWORD_COMMON' },
      { field: 'new-password', key: 'password.problems.invalid' },
    ]);
    expect(
      apiProblems('INVALID_CREDENTIALS', [{ field: 'currentPassword', code: 'CURRENT_PASSWORD_WRONG' }]),
    ).toEqual([{ field: 'current-password', key: 'password.problems.CURRENT_PASSWORD_WRONG' }]);
    expect(apiProblems('INVALID_CREDENTIALS', [])).toEqual([
      { field: 'current-password', key: 'password.problems.CURRENT_PASSWORD_WRONG' },
    ]);
  });
});
