import { MATCH_END, MATCH_START, excerptParts, prefixTerms } from './shared-space-search';

describe('prefixTerms', () => {
  it('makes long stems prefixes and keeps short ones, operators and phrases', () => {
    expect(prefixTerms(`'lektion' & !'läx' | 'åk' <-> '4'`)).toBe(`'lektion':* & !'läx' | 'åk' <-> '4'`);
  });

  it('lets long stems lose their last letter, so either inflected form finds the other', () => {
    expect(prefixTerms(`'kamratrespons'`)).toBe(`'kamratrespon':*`);
    expect(prefixTerms(`'kamratrespon'`)).toBe(`'kamratrespo':*`);
  });

  it('counts characters, not bytes, and reads doubled quotes inside a lexeme', () => {
    expect(prefixTerms(`'åäö'`)).toBe(`'åäö'`);
    expect(prefixTerms(`'åäöx'`)).toBe(`'åäöx':*`);
    expect(prefixTerms(`'it''s'`)).toBe(`'it''s':*`);
    expect(prefixTerms(`'kamrat''ss'`)).toBe(`'kamrat''s':*`);
  });

  it('leaves an empty query empty', () => {
    expect(prefixTerms('')).toBe('');
  });
});

describe('excerptParts', () => {
  it('splits at the marks', () => {
    expect(excerptParts(`Eleverna gav ${MATCH_START}kamratresponsen${MATCH_END} muntligt.`)).toEqual([
      { text: 'Eleverna gav ', match: false },
      { text: 'kamratresponsen', match: true },
      { text: ' muntligt.', match: false },
    ]);
  });

  it('keeps markup as text for the client to escape, and drops a stray mark', () => {
    expect(excerptParts(`<img src=x onerror=alert(1)> ${MATCH_START}a${MATCH_END}${MATCH_START}b`)).toEqual([
      { text: '<img src=x onerror=alert(1)> ', match: false },
      { text: 'a', match: true },
      { text: 'b', match: false },
    ]);
  });
});
