import { DICTIONARIES, dictionaryKeys } from '@stl/web/util-i18n/dictionaries';
import {
  API_ERROR_CODES,
  ApiError,
  CLIENT_ERROR_CODES,
  apiErrorFrom,
  editConflictDetails,
  errorSentence,
  isLinkRefusal,
  sectionOfProblem,
  toApiError,
  tokenFromFragment,
} from './api-error';
import { FIELD_PROBLEM_CODES, problemKey } from './field-problems';

describe('API errors as the web app shows them', () => {
  it('keeps the code, the problems and the details of a GraphQL error', () => {
    const e = apiErrorFrom({
      message: 'Fill in every required section before publishing.',
      extensions: {
        code: 'BAD_USER_INPUT',
        problems: [
          {
            field: 'answers.goals',
            code: 'REQUIRED_SECTION_EMPTY',
            message: 'The section must be filled in.',
          },
          { nonsense: true },
        ],
      },
    });
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.messageKey).toBe('errors.BAD_USER_INPUT');
    expect(e.problems).toEqual([
      { field: 'answers.goals', code: 'REQUIRED_SECTION_EMPTY', message: 'The section must be filled in.' },
    ]);
    expect(sectionOfProblem(e.problems[0])).toBe('goals');
    expect(problemKey(e.problems[0])).toBe('problems.REQUIRED_SECTION_EMPTY');
  });

  it('never passes an unknown code on to the reader', () => {
    expect(apiErrorFrom({ message: 'x', extensions: { code: 'SOMETHING_NEW' } }).code).toBe('UNKNOWN');
    expect(apiErrorFrom(undefined).messageKey).toBe('errors.UNKNOWN');
    expect(toApiError(new Error('boom')).code).toBe('UNKNOWN');
    expect(problemKey({ field: 'name', code: 'SOMETHING_NEW', message: '' })).toBe('problems.INVALID');
    expect(sectionOfProblem({ field: 'confirmNoPupilIdentifiable', code: 'X', message: '' })).toBeNull();
  });

  it('reads the newer draft an edit conflict carries', () => {
    const e = apiErrorFrom({
      message: 'changed elsewhere',
      extensions: {
        code: 'EDIT_CONFLICT',
        details: {
          currentRevision: 4,
          savedAt: '2026-11-22T12:02:00.000Z',
          answers: [{ sectionKey: 'goals', html: '<p>Newer</p>' }],
        },
      },
    });
    expect(editConflictDetails(e)).toEqual({
      currentRevision: 4,
      savedAt: '2026-11-22T12:02:00.000Z',
      answers: [{ sectionKey: 'goals', html: '<p>Newer</p>' }],
    });
    expect(editConflictDetails(ApiError.network())).toBeNull();
  });

  it('has a sentence in Swedish and English for every error code and field-problem code', () => {
    const needed = [
      ...[...API_ERROR_CODES, ...CLIENT_ERROR_CODES].map((c) => `errors.${c}`),
      ...[...FIELD_PROBLEM_CODES, 'INVALID'].map((c) => `problems.${c}`),
    ];
    for (const [lang, dict] of Object.entries(DICTIONARIES)) {
      const keys = dictionaryKeys(dict);
      expect({ lang, missing: needed.filter((k) => !keys.includes(k)) }).toEqual({ lang, missing: [] });
    }
  });

  it('uses the closed lists from the API schema', () => {
    expect(API_ERROR_CODES).toContain('TOO_MANY_ATTEMPTS');
    expect(FIELD_PROBLEM_CODES).toEqual(
      expect.arrayContaining(['PAIR_KEPT', 'maxLength', 'PASSWORD_COMMON']),
    );
    expect(problemKey({ field: 'name', code: 'maxLength', message: '' })).toBe('problems.maxLength');
  });
});

describe('refusals of sign-in and mailed links (ADR 0013)', () => {
  const throttled = (retryAfterSeconds?: number) =>
    apiErrorFrom({ extensions: { code: 'TOO_MANY_ATTEMPTS', details: { retryAfterSeconds } } });

  it('says how long to wait in whole minutes, rounding up', () => {
    expect(errorSentence(throttled(59))).toEqual({ key: 'account.waitOne' });
    expect(errorSentence(throttled(61))).toEqual({ key: 'account.waitMany', params: { minutes: 2 } });
    expect(errorSentence(throttled(900))).toEqual({ key: 'account.waitMany', params: { minutes: 15 } });
    expect(errorSentence(throttled())).toEqual({ key: 'errors.TOO_MANY_ATTEMPTS' });
    expect(errorSentence(apiErrorFrom({ extensions: { code: 'LINK_USED' } }))).toEqual({
      key: 'errors.LINK_USED',
    });
  });

  it('has the wait sentences in both languages', () => {
    for (const lang of ['sv', 'en'] as const) {
      expect(dictionaryKeys(DICTIONARIES[lang])).toEqual(
        expect.arrayContaining(['account.waitOne', 'account.waitMany']),
      );
    }
  });

  it('tells link refusals from others', () => {
    expect(
      ['LINK_INVALID', 'LINK_EXPIRED', 'LINK_USED', 'NOT_FOUND'].map((code) =>
        isLinkRefusal(apiErrorFrom({ extensions: { code } })),
      ),
    ).toEqual([true, true, true, false]);
  });

  it('takes the token from the fragment only when it can be one', () => {
    const token = 'Abc_def-0123456789012345678901234567890123';
    expect(tokenFromFragment(token)).toBe(token);
    expect(tokenFromFragment(`#${token}`)).toBe(token);
    expect(tokenFromFragment(null)).toBeNull();
    expect(tokenFromFragment('short')).toBeNull();
    expect(tokenFromFragment('%E0%A4%A')).toBeNull();
    expect(tokenFromFragment('<script>alert(1)</script>aaaaaaaaaaaaaaaa')).toBeNull();
  });
});
