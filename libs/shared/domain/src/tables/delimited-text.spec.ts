import { guessSeparator, readDelimitedText } from './delimited-text';

describe('readDelimitedText', () => {
  it('reads what Swedish Excel writes: BOM, semicolons, CRLF', () => {
    const { rows, lines } = readDelimitedText(
      '\uFEFFNamn;E-post\r\nÅsa Lind;asa@x.se\r\n\r\nBo Ek ; bo@x.se\r\n',
    );
    expect(rows).toEqual([
      ['Namn', 'E-post'],
      ['Åsa Lind', 'asa@x.se'],
      ['Bo Ek', 'bo@x.se'],
    ]);
    expect(lines).toEqual([1, 2, 4]);
  });

  it('reads commas with quoted cells holding commas, quotes and line breaks', () => {
    const { rows, lines } = readDelimitedText('name,roles\n"Ek, Bo","Teacher, ""Rektor"""\n"A\nB",x\nlast,y');
    expect(rows).toEqual([
      ['name', 'roles'],
      ['Ek, Bo', 'Teacher, "Rektor"'],
      ['A\nB', 'x'],
      ['last', 'y'],
    ]);
    expect(lines).toEqual([1, 2, 3, 5]);
  });

  it('guesses the separator from the first lines, semicolon on a tie', () => {
    expect(guessSeparator('a;b;c\n1;2;3')).toBe(';');
    expect(guessSeparator('a,b,c\n1,2,3')).toBe(',');
    expect(guessSeparator('a\tb\n1\t2')).toBe('\t');
    expect(guessSeparator('a\n1')).toBe(';');
  });
});
