import fc from 'fast-check';
import {
  isCommonPassword,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordLength,
  passwordProblems,
} from './password-rule';

/** Strings of `min`–`max` code points that NFKC leaves as they are, so the count is the count typed. */
const stableString = (min: number, max: number) =>
  fc
    .array(fc.string({ unit: 'grapheme-composite', minLength: 1, maxLength: 1 }), {
      minLength: min,
      maxLength: max,
    })
    .map((parts) => parts.join(''))
    .filter((s) => s === s.normalize('NFKC') && passwordLength(s) >= min && passwordLength(s) <= max);

describe('password rule (properties)', () => {
  it(`accepts any ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters not on the list, without personal words`, () => {
    fc.assert(
      fc.property(
        stableString(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH).filter((s) => !isCommonPassword(s)),
        (password) => {
          expect(passwordProblems(password)).toEqual([]);
          expect(passwordProblems(password, { email: 'qx@larkby.example', fullName: 'Q X' })).toEqual([]);
        },
      ),
    );
  });

  it(`refuses anything under ${PASSWORD_MIN_LENGTH} characters as too short`, () => {
    fc.assert(
      fc.property(stableString(0, PASSWORD_MIN_LENGTH - 1), (password) => {
        expect(passwordProblems(password)).toContain('PASSWORD_TOO_SHORT');
      }),
    );
  });

  it(`refuses anything over ${PASSWORD_MAX_LENGTH} characters as too long`, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: PASSWORD_MAX_LENGTH + 1, maxLength: 2000 }), (s) => {
        fc.pre(passwordLength(s) > PASSWORD_MAX_LENGTH);
        expect(passwordProblems(s)).toContain('PASSWORD_TOO_LONG');
        expect(passwordProblems(s)).not.toContain('PASSWORD_TOO_SHORT');
      }),
    );
  });

  it('refuses any password that holds a personal word of the person', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-zåäö]{3,20}$/),
        fc.string({ maxLength: 30 }),
        fc.string({ maxLength: 30 }),
        (name, before, after) => {
          const problems = passwordProblems(before + name.toUpperCase() + after, {
            fullName: `${name} Svensson`,
          });
          expect(problems).toContain('PASSWORD_CONTAINS_PERSONAL');
        },
      ),
    );
  });
});
