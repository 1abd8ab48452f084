import {
  emptySection,
  moveSection,
  removeSection,
  sameSections,
  sectionOfField,
  sectionProblems,
  suggestKey,
  toSectionInputs,
  updateSection,
} from './section-list';
import type { DraftSection } from './section-list';

const section = (key: string, title = key, prompt = `${key}?`): DraftSection => ({
  uid: key,
  key,
  title,
  prompt,
  helpText: '',
  required: true,
});

describe('editing template sections', () => {
  const list = [section('goals'), section('plan'), section('next')];

  it('moves a section up or down, and not past either end', () => {
    expect(moveSection(list, 1, -1).map((s) => s.key)).toEqual(['plan', 'goals', 'next']);
    expect(moveSection(list, 1, 1).map((s) => s.key)).toEqual(['goals', 'next', 'plan']);
    expect(moveSection(list, 0, -1).map((s) => s.key)).toEqual(['goals', 'plan', 'next']);
    expect(moveSection(list, 2, 1).map((s) => s.key)).toEqual(['goals', 'plan', 'next']);
    expect(list.map((s) => s.key)).toEqual(['goals', 'plan', 'next']);
  });

  it('removes and updates one section without touching the others', () => {
    expect(removeSection(list, 1).map((s) => s.key)).toEqual(['goals', 'next']);
    const updated = updateSection(list, 2, { title: 'Nästa steg' });
    expect(updated[2]).toEqual({ ...list[2], title: 'Nästa steg' });
    expect(updated[0]).toBe(list[0]);
  });

  it('suggests a key from a Swedish title, unique among the others', () => {
    expect(suggestKey('Mål för eleverna', [])).toBe('mal-for-eleverna');
    expect(suggestKey('Vad hände?', ['vad-hande'])).toBe('vad-hande-2');
    expect(suggestKey('1. Reflektion', [])).toBe('reflektion');
    expect(suggestKey('???', [])).toBe('avsnitt');
  });

  it('finds what the API would refuse: empty fields, bad and repeated keys, no sections', () => {
    expect(sectionProblems(list)).toEqual([]);
    expect(sectionProblems([])).toEqual([
      { index: -1, field: 'list', key: 'admin.problems.sectionRequired' },
    ]);
    const bad = [
      section('goals'),
      { ...section('Goals'), key: '1x' },
      section('GOALS'),
      { ...emptySection() },
    ];
    expect(sectionProblems(bad)).toEqual([
      { index: 1, field: 'key', key: 'admin.problems.sectionKey' },
      { index: 2, field: 'key', key: 'admin.problems.sectionKey' },
      { index: 3, field: 'key', key: 'admin.problems.required' },
      { index: 3, field: 'title', key: 'admin.problems.required' },
      { index: 3, field: 'prompt', key: 'admin.problems.required' },
    ]);
    expect(sectionProblems([section('goals'), section('goals')])).toEqual([
      { index: 1, field: 'key', key: 'admin.problems.DUPLICATE_KEY' },
    ]);
  });

  it('sends trimmed sections in order and sees when nothing changed', () => {
    const edited = updateSection(list, 0, { title: '  goals  ' });
    expect(toSectionInputs(edited)[0]).toEqual({
      key: 'goals',
      title: 'goals',
      prompt: 'goals?',
      helpText: '',
      required: true,
    });
    expect(sameSections(list, edited)).toBe(true);
    expect(sameSections(list, moveSection(list, 0, 1))).toBe(false);
  });

  it('reads which section an API problem is about', () => {
    expect(sectionOfField('sections.3.prompt')).toEqual({ index: 3, field: 'prompt' });
    expect(sectionOfField('sections')).toBeNull();
    expect(sectionOfField('name')).toBeNull();
  });
});
