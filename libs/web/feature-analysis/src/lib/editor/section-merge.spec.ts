import { mergeSections } from './section-merge';
import type { Answers } from '../text/rich-text';

const p = (text: string) => `<p>${text}</p>`;

describe('merging two edits of one draft, section by section', () => {
  // base: what this tab last knew the server to hold; mine: this tab; theirs: the server now.
  const cases: {
    name: string;
    base: Answers;
    mine: Answers;
    theirs: Answers;
    merged: Answers;
    conflicts: string[];
    taken: string[];
  }[] = [
    {
      name: 'nothing changed anywhere',
      base: { a: p('1') },
      mine: { a: p('1') },
      theirs: { a: p('1') },
      merged: { a: p('1') },
      conflicts: [],
      taken: [],
    },
    {
      name: 'changed here only: mine is kept',
      base: { a: p('1') },
      mine: { a: p('mine') },
      theirs: { a: p('1') },
      merged: { a: p('mine') },
      conflicts: [],
      taken: [],
    },
    {
      name: 'changed there only: theirs is taken',
      base: { a: p('1') },
      mine: { a: p('1') },
      theirs: { a: p('theirs') },
      merged: { a: p('theirs') },
      conflicts: [],
      taken: ['a'],
    },
    {
      name: 'different sections changed on each side: both kept, no question',
      base: { a: p('1'), b: p('2'), c: p('3') },
      mine: { a: p('mine'), b: p('2'), c: p('3') },
      theirs: { a: p('1'), b: p('2'), c: p('theirs') },
      merged: { a: p('mine'), b: p('2'), c: p('theirs') },
      conflicts: [],
      taken: ['c'],
    },
    {
      name: 'the same section changed differently on both sides: asks, mine kept meanwhile',
      base: { a: p('1'), b: p('2') },
      mine: { a: p('1'), b: p('mine') },
      theirs: { a: p('1'), b: p('theirs') },
      merged: { a: p('1'), b: p('mine') },
      conflicts: ['b'],
      taken: [],
    },
    {
      name: 'both sides wrote the same text: no question, the server spelling is kept',
      base: { a: p('1') },
      mine: { a: '<p><a href="https://x.se">x</a></p>' },
      theirs: { a: '<p><a href="https://x.se" rel="noopener noreferrer" target="_blank">x</a></p>' },
      merged: { a: '<p><a href="https://x.se" rel="noopener noreferrer" target="_blank">x</a></p>' },
      conflicts: [],
      taken: [],
    },
    {
      name: 'a section new on the server (first save elsewhere) is taken',
      base: {},
      mine: { c: p('mine') },
      theirs: { a: p('theirs') },
      merged: { a: p('theirs'), c: p('mine') },
      conflicts: [],
      taken: ['a'],
    },
    {
      name: 'both wrote a section neither had before, differently: asks',
      base: {},
      mine: { a: p('mine') },
      theirs: { a: p('theirs') },
      merged: { a: p('mine') },
      conflicts: ['a'],
      taken: [],
    },
    {
      name: 'emptied there, untouched here: the section is emptied',
      base: { a: p('1') },
      mine: { a: p('1') },
      theirs: {},
      merged: { a: '' },
      conflicts: [],
      taken: ['a'],
    },
    {
      name: 'emptied here, changed there: asks',
      base: { a: p('1') },
      mine: { a: '' },
      theirs: { a: p('theirs') },
      merged: { a: '' },
      conflicts: ['a'],
      taken: [],
    },
    {
      name: 'the empty paragraph the editor keeps is no change',
      base: { a: '' },
      mine: { a: '<p></p>' },
      theirs: { a: p('theirs') },
      merged: { a: p('theirs') },
      conflicts: [],
      taken: ['a'],
    },
  ];

  it.each(cases)('$name', ({ base, mine, theirs, merged, conflicts, taken }) => {
    const result = mergeSections(base, mine, theirs);
    expect(result.merged).toEqual(merged);
    expect(result.conflicts).toEqual(conflicts);
    expect(result.taken).toEqual(taken);
  });

  it('never loses a text: every section of mine is in the result or asked about', () => {
    const base = { a: p('1'), b: p('2') };
    const mine = { a: p('mine a'), b: p('mine b'), c: p('mine c') };
    const theirs = { a: p('1'), b: p('theirs b'), c: p('mine c') };
    const { merged, conflicts } = mergeSections(base, mine, theirs);
    expect(merged).toEqual({ a: p('mine a'), b: p('mine b'), c: p('mine c') });
    expect(conflicts).toEqual(['b']);
  });
});
