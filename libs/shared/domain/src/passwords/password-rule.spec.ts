import { COMMON_PASSWORDS } from './common-passwords';
import {
  isCommonPassword,
  PASSWORD_MAX_INPUT_LENGTH,
  passwordLength,
  passwordProblems,
  personalWords,
} from './password-rule';

describe('password rule', () => {
  it('accepts the demo password and a long passphrase', () => {
    expect(passwordProblems('stl-demo-2026')).toEqual([]);
    expect(passwordProblems('korrekt häst batteri häftklammer')).toEqual([]);
  });

  it('counts code points after NFKC, not UTF-16 units', () => {
    expect(passwordLength('🙂'.repeat(12))).toBe(12);
    expect(passwordProblems('🙂'.repeat(12))).toEqual([]);
    expect(passwordProblems('🙂'.repeat(11))).toEqual(['PASSWORD_TOO_SHORT']);
    // "e" + combining acute composes to one "é".
    expect(passwordLength('e\u0301'.repeat(12))).toBe(12);
    // The ligature "ﬁ" becomes "fi" under NFKC: two characters.
    expect(passwordLength('ﬁ'.repeat(6))).toBe(12);
  });

  it('refuses fewer than 12 and more than 128 characters', () => {
    expect(passwordProblems('a'.repeat(11) + 'b')).toEqual([]);
    expect(passwordProblems('abcdefghijk')).toEqual(['PASSWORD_TOO_SHORT']);
    expect(passwordProblems('')).toEqual(['PASSWORD_TOO_SHORT']);
    expect(passwordProblems('x'.repeat(128))).toEqual([]);
    expect(passwordProblems('x'.repeat(129))).toEqual(['PASSWORD_TOO_LONG']);
  });

  it('refuses an over-long input at once, without normalising it', () => {
    const huge = 'x'.repeat(5_000_000);
    const spy = jest.spyOn(String.prototype, 'normalize');
    expect(passwordProblems(huge)).toEqual(['PASSWORD_TOO_LONG']);
    expect(passwordProblems('x'.repeat(PASSWORD_MAX_INPUT_LENGTH + 1))).toEqual(['PASSWORD_TOO_LONG']);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('refuses common and breached passwords whatever their case or width', () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThan(250);
    expect(isCommonPassword('qwertyuiopasdfghjkl')).toBe(COMMON_PASSWORDS.includes('qwertyuiopasdfghjkl'));
    for (const p of ['1qaz2wsx3edc', '1QAZ2WSX3EDC', 'qwerty123456', 'Administrator']) {
      expect(passwordProblems(p)).toEqual(['PASSWORD_COMMON']);
    }
    // Full-width letters fold to ASCII under NFKC.
    expect(passwordProblems('ｑｗｅｒｔｙ１２３４５６')).toEqual(['PASSWORD_COMMON']);
  });

  it('keeps only entries of 12 to 128 characters, normalised and lower-cased', () => {
    for (const p of COMMON_PASSWORDS) {
      expect(p).toBe(p.normalize('NFKC').toLowerCase());
      expect([...p].length).toBeGreaterThanOrEqual(12);
      expect([...p].length).toBeLessThanOrEqual(128);
    }
    expect(new Set(COMMON_PASSWORDS).size).toBe(COMMON_PASSWORDS.length);
  });

  it("refuses the person's e-mail local part, its pieces and their names", () => {
    const context = { email: 'Sara.Lind@larkby.example', fullName: 'Sara Lind-Åberg' };
    expect(personalWords(context).sort()).toEqual(['lind', 'sara', 'sara.lind', 'åberg'].sort());
    expect(passwordProblems('my name is SARA, hello', context)).toEqual(['PASSWORD_CONTAINS_PERSONAL']);
    expect(passwordProblems('åbergs sommarstuga', context)).toEqual(['PASSWORD_CONTAINS_PERSONAL']);
    expect(passwordProblems('sara.lind2026!', context)).toEqual(['PASSWORD_CONTAINS_PERSONAL']);
    // The domain is not personal, and words shorter than 3 characters are ignored.
    expect(passwordProblems('larkby.example rocks', context)).toEqual([]);
    expect(passwordProblems('bo li är korta namn', { fullName: 'Bo Li' })).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(passwordProblems('sara', { fullName: 'Sara' })).toEqual([
      'PASSWORD_TOO_SHORT',
      'PASSWORD_CONTAINS_PERSONAL',
    ]);
  });
});
