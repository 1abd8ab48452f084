import { DICTIONARIES, dictionaryKeys } from '@stl/web/util-i18n/dictionaries';
import { adminProblemKey, formErrorsFrom, formErrorsOf, messageKeyOf } from './admin-errors';

const problem = (field: string, code: string) => ({ field, code, message: 'x' });
const refusal = (code: string, problems: ReturnType<typeof problem>[] = []) => ({
  code,
  problems,
  messageKey: `errors.${code}`,
});

describe('admin form errors', () => {
  it('explains domain codes and validation codes in plain words', () => {
    expect(adminProblemKey(problem('name', 'NAME_TAKEN'))).toBe('admin.problems.NAME_TAKEN');
    expect(adminProblemKey(problem('unitCode', 'matches'))).toBe('admin.problems.unitCode');
    expect(adminProblemKey(problem('sections.2.key', 'matches'))).toBe('admin.problems.sectionKey');
    expect(adminProblemKey(problem('email', 'isEmail'))).toBe('admin.problems.email');
    expect(adminProblemKey(problem('password', 'minLength'))).toBe('admin.problems.passwordTooShort');
    expect(adminProblemKey(problem('name', 'isNotBlank'))).toBe('admin.problems.required');
    expect(adminProblemKey(problem('roles', 'arrayMinSize'))).toBe('admin.problems.roleRequired');
    expect(adminProblemKey(problem('x', 'somethingNew'))).toBe('problems.INVALID');
  });

  it('has a sentence in both languages for every key it can give', () => {
    const codes = [
      'NAME_TAKEN',
      'UNIT_CODE_TAKEN',
      'EMAIL_TAKEN',
      'BEFORE_ISSUED_ON',
      'SCHOOL_REQUIRED',
      'SCHOOL_NOT_ALLOWED',
      'DUPLICATE_KEY',
      'ENDS_BEFORE_START',
      'INVALID_SCHOOL_YEAR',
      'OUTSIDE_SCHOOL_YEAR',
      'NOT_A_COURSE_LEADER',
      'NO_COVERING_CERTIFICATION',
      'PERSON_INACTIVE',
    ].map((c) => problem('f', c));
    const generic = [
      problem('name', 'isNotBlank'),
      problem('name', 'maxLength'),
      problem('password', 'minLength'),
      problem('email', 'isEmail'),
      problem('issuedOn', 'isIsoDate'),
      problem('unitCode', 'matches'),
      problem('sections.0.key', 'matches'),
      problem('roles', 'arrayMinSize'),
      problem('sections', 'arrayMinSize'),
    ];
    const needed = [...codes, ...generic].map(adminProblemKey);
    for (const dict of [DICTIONARIES.sv, DICTIONARIES.en]) {
      const keys = dictionaryKeys(dict);
      expect(needed.filter((k) => !keys.includes(k))).toEqual([]);
    }
  });

  it('places each problem beside its field and lists it in the summary', () => {
    const error = refusal('CONFLICT', [problem('name', 'NAME_TAKEN'), problem('organisationId', 'isUuid')]);
    const errors = formErrorsFrom(error, (f) => (f === 'name' ? 'school-name' : null));
    expect(errors.fields).toEqual({ 'school-name': 'admin.problems.NAME_TAKEN' });
    expect(errors.summary).toEqual([
      { target: 'school-name', key: 'admin.problems.NAME_TAKEN' },
      { key: 'problems.INVALID' },
    ]);
  });

  it('uses the sentence of the whole refusal when no problem is given, with a screen’s own wording', () => {
    const forbidden = refusal('FORBIDDEN');
    expect(formErrorsFrom(forbidden, () => null).summary).toEqual([{ key: 'errors.FORBIDDEN' }]);
    expect(messageKeyOf(forbidden, { FORBIDDEN: 'admin.people.ownAdminRole' })).toBe(
      'admin.people.ownAdminRole',
    );
    expect(messageKeyOf(refusal('NETWORK'), { FORBIDDEN: 'x' })).toBe('errors.NETWORK');
  });

  it('turns client-side checks into the same shape', () => {
    expect(formErrorsOf({ a: 'k1', b: 'k2' }).summary).toEqual([
      { target: 'a', key: 'k1' },
      { target: 'b', key: 'k2' },
    ]);
  });
});
