import { isEmail } from 'class-validator';
import fc from 'fast-check';
import { isEmailAddress } from './email-address';

/** The API's check of an e-mail address (`@IsEmail()` after trimming), as the web must mirror it. */
function apiAccepts(typed: string): boolean | null {
  try {
    encodeURI(typed); // validator.js throws on a lone surrogate; the web sends none of those
  } catch {
    return null;
  }
  return isEmail(typed.trim());
}

/** Pieces that make addresses almost right: every rule of the check sits on one of them. */
const PIECES = [
  ...'aZ9.@"\\-_ +åé\t',
  'anna',
  'skola',
  'se',
  'xn--',
  '\u00A0',
  '\u3000', // ideographic space: a letter to the label rule, a space to the top-level rule
  '\uFF01', // full-width "!"
  '\u00A9',
  'x'.repeat(63),
];
const nearAddress = fc
  .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 14 })
  .map((pieces) => pieces.join(''));

describe('isEmailAddress', () => {
  it.each([
    ['anna.lind@ekbacken.larkby.se', true],
    ['  anna.lind@ekbacken.larkby.se  ', true],
    ['åsa.lind@skola.se', true],
    ['"anna lind"@skola.se', true],
    ['anna+kurs@xn--lrkby-gra.se', true],
    ['', false],
    ['anna', false],
    ['anna@skola', false],
    ['anna@skola.s', false],
    ['anna@skola.se.', false],
    ['anna@@skola.se', false],
    ['anna..lind@skola.se', false],
    ['anna lind@skola.se', false],
    ['anna@sko_la.se', false],
    ['anna@-skola.se', false],
    ['anna@sk\uFF4Fla.se', false],
    ['anna@skola.123', false],
    [`${'a'.repeat(65)}@skola.se`, false],
    [`anna@${'a'.repeat(64)}.se`, false],
  ])('%j → %s, as the API says', (typed, expected) => {
    expect(isEmailAddress(typed)).toBe(expected);
    expect(apiAccepts(typed)).toBe(expected);
  });

  it('agrees with the API on generated addresses, near misses and any text', () => {
    const typed = fc.oneof(
      fc.emailAddress(),
      fc.emailAddress().map((a) => ` ${a.toUpperCase()}\n`),
      nearAddress,
      nearAddress.map((s) => `${s}@skola.se`),
      nearAddress.map((s) => `anna@${s}`),
      nearAddress.map((s) => `anna@${s}.se`),
      fc.string({ unit: 'binary', maxLength: 40 }),
    );
    fc.assert(
      fc.property(typed, (address) => {
        const api = apiAccepts(address);
        if (api !== null) expect(isEmailAddress(address)).toBe(api);
      }),
      { numRuns: 5000 },
    );
  });
});
