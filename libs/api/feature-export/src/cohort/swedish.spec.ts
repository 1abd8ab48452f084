import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ATTENDANCE_SV, OVERDUE_SV, ROUND_STATE_SV, SUPPORT_LEVEL_SV, supportReasonSv } from './swedish';

/** The web app's Swedish dictionaries: a download must say what the screen says. */
const dict = (file: string) =>
  JSON.parse(readFileSync(join(__dirname, '../../../../web/util-i18n/src/i18n', file), 'utf8'));

describe('the exports speak the web app’s Swedish', () => {
  const sv = dict('sv.json');
  const followUp = dict('followUp.sv.json');
  const setup = dict('setup.sv.json');

  it('names support levels, round states, lateness and attendance as the screens do', () => {
    expect(SUPPORT_LEVEL_SV).toEqual(sv.support.level);
    expect(ROUND_STATE_SV).toEqual(followUp.state);
    expect(OVERDUE_SV).toEqual(followUp.overdue);
    for (const s of ['PRESENT', 'ABSENT', 'EXCUSED'] as const)
      expect(ATTENDANCE_SV[s]).toBe(setup.attendance[s]);
  });

  it('words each support reason with the web app’s sentences', () => {
    const fill = (t: string, p: Record<string, unknown>) =>
      t.replace(/\{\{(\w+)\}\}/g, (_, k) => String(p[k]));
    const cases = [
      { code: 'ANALYSIS_OVERDUE', roundNumbers: [3], days: 6 },
      { code: 'ANALYSIS_OVERDUE', roundNumbers: [2], days: 1 },
      { code: 'TASKS_OVERDUE', roundNumbers: [1], days: 4 },
      { code: 'TASKS_OVERDUE', roundNumbers: [1], days: 1 },
      { code: 'ATTENDANCE_BEHIND', roundNumbers: [], missed: 2, held: 5 },
      { code: 'ATTENDANCE_BEHIND', roundNumbers: [], missed: 1, held: 5 },
    ] as const;
    for (const c of cases) {
      const count = c.code === 'ATTENDANCE_BEHIND' ? c.missed : c.days;
      const template = sv.support.reason[c.code][count === 1 ? 'one' : 'other'];
      expect(supportReasonSv(c)).toBe(fill(template, { round: c.roundNumbers.join(', '), ...c }));
    }
  });
});
