import { ERROR_CODES, ERROR_CODE_DESCRIPTIONS, isErrorCode } from './error-codes';
import { FIELD_PROBLEM_CODES, FIELD_PROBLEM_DESCRIPTIONS, fieldProblemCodeOf } from './field-problem-codes';
import { PASSWORD_PROBLEM_CODES } from '../passwords/password-rule';

describe('the closed lists of codes', () => {
  it('describe every code in a sentence', () => {
    for (const code of ERROR_CODES) expect(ERROR_CODE_DESCRIPTIONS[code]).toMatch(/\.$/);
    for (const code of FIELD_PROBLEM_CODES) expect(FIELD_PROBLEM_DESCRIPTIONS[code]).toMatch(/\.$/);
  });

  it('are valid GraphQL enum value names', () => {
    for (const code of [...ERROR_CODES, ...FIELD_PROBLEM_CODES])
      expect(code).toMatch(/^[_A-Za-z][_0-9A-Za-z]*$/);
  });

  it('hold the shared password rule’s codes', () => {
    for (const code of PASSWORD_PROBLEM_CODES) expect(FIELD_PROBLEM_CODES).toContain(code);
  });

  it('turn an unlisted code into INVALID and keep listed ones', () => {
    expect(fieldProblemCodeOf('maxLength')).toBe('maxLength');
    expect(fieldProblemCodeOf('TOO_LONG')).toBe('TOO_LONG');
    expect(fieldProblemCodeOf('isLatLong')).toBe('INVALID');
    expect(isErrorCode('NOT_FOUND')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
  });
});
