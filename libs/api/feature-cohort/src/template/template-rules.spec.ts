import { sectionKeyProblems } from './template-rules';

describe('sectionKeyProblems', () => {
  it('accepts distinct keys', () => {
    expect(sectionKeyProblems([{ key: 'goals' }, { key: 'plan' }])).toEqual([]);
  });

  it('points at each repeated key, ignoring case', () => {
    expect(
      sectionKeyProblems([{ key: 'goals' }, { key: 'plan' }, { key: 'Goals' }, { key: 'plan' }]).map(
        (p) => p.field,
      ),
    ).toEqual(['sections.2.key', 'sections.3.key']);
  });
});
