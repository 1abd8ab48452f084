import { isDefaultRoundTitle, roundTitleBesideNumber } from './round-title';

describe('round titles', () => {
  it('sees the default titles, in Swedish and English', () => {
    expect(isDefaultRoundTitle('Analys 3', 3)).toBe(true);
    expect(isDefaultRoundTitle(' analysis 3 ', 3)).toBe(true);
    expect(isDefaultRoundTitle('Analysomgång 3', 3)).toBe(true);
    expect(isDefaultRoundTitle('', 3)).toBe(true);
  });

  it('keeps a title of its own, or another number', () => {
    expect(isDefaultRoundTitle('Analys 2', 3)).toBe(false);
    expect(roundTitleBesideNumber('Respons i par', 3)).toBe('Respons i par');
    expect(roundTitleBesideNumber('Analys 3', 3)).toBeNull();
  });
});
