import { buildMatrix, deriveCell, filterMatrix, isStatusFilter, overdueIn, schoolsOf } from './matrix';
import type {
  MatrixCell,
  MatrixFilter,
  MatrixRow,
  ProgressRowLike,
  RoundLike,
  RoundProgressLike,
} from './matrix';

const NOW = Date.parse('2026-12-02T08:00:00Z');
const R1: RoundLike = { id: 'r1', number: 1, opensAt: '2026-09-02T14:00:00Z' };
const R2: RoundLike = { id: 'r2', number: 2, opensAt: '2026-10-07T14:00:00Z' };
const R3: RoundLike = { id: 'r3', number: 3, opensAt: '2027-01-27T15:00:00Z' };

function progress(roundId: string, over: Partial<RoundProgressLike> = {}): RoundProgressLike {
  return {
    roundId,
    analysisStatus: 'NOT_STARTED',
    published: false,
    complete: false,
    leaderFeedback: false,
    peerFeedbackCount: 0,
    submissionOverdue: false,
    feedbackOverdue: false,
    tasksDone: 0,
    tasksTotal: 0,
    tasksOverdue: false,
    ...over,
  };
}

const published = (roundId: string, over: Partial<RoundProgressLike> = {}) =>
  progress(roundId, { analysisStatus: 'PUBLISHED', published: true, ...over });

function row(id: string, school: string, rounds: RoundProgressLike[], over: Partial<ProgressRowLike> = {}) {
  return {
    person: { id, fullName: `Person ${id}` },
    schoolId: school,
    schoolName: school === 's1' ? 'Solviksskolan' : 'Ekbackeskolan',
    supportLevel: 'ON_TRACK' as const,
    supportReasons: [],
    completed: false,
    rounds,
    ...over,
  };
}

describe('a cell of the progress matrix', () => {
  it('says a round that has not opened is not open, whatever the API reports', () => {
    expect(deriveCell(R3, progress('r3'), 2, NOW).state).toBe('NOT_OPEN');
    expect(deriveCell(R3, undefined, 2, NOW).state).toBe('NOT_OPEN');
  });

  it('tells a draft from nothing started in an open round', () => {
    expect(deriveCell(R1, progress('r1'), 2, NOW).state).toBe('NOT_STARTED');
    expect(deriveCell(R1, progress('r1', { analysisStatus: 'DRAFT' }), 2, NOW).state).toBe('DRAFT');
    expect(deriveCell(R1, undefined, 2, NOW).state).toBe('NOT_STARTED');
  });

  it('counts feedback given to and by the participant and keeps the analysis to link to', () => {
    const cell = deriveCell(
      R1,
      published('r1', { peerFeedbackCount: 1, leaderFeedback: true, tasksDone: 1, tasksTotal: 2 }),
      2,
      NOW,
      'a1',
    );
    expect(cell).toMatchObject({
      state: 'PUBLISHED',
      analysisId: 'a1',
      peerFeedback: 1,
      peersExpected: 2,
      leaderFeedback: true,
      tasksDone: 1,
      tasksTotal: 2,
      overdue: [],
    });
  });

  it('never links to an analysis that is not published', () => {
    expect(deriveCell(R1, progress('r1', { analysisStatus: 'DRAFT' }), 2, NOW, 'a1').analysisId).toBeNull();
  });

  it('lists every kind of lateness', () => {
    const cell = deriveCell(
      R1,
      progress('r1', { submissionOverdue: true, feedbackOverdue: true, tasksOverdue: true }),
      2,
      NOW,
    );
    expect(cell.overdue).toEqual(['SUBMISSION', 'FEEDBACK', 'TASKS']);
  });
});

describe('filtering the matrix', () => {
  const rows = buildMatrix(
    [
      row('p1', 's1', [published('r1', { leaderFeedback: true, peerFeedbackCount: 2 }), progress('r2')]),
      row('p2', 's2', [published('r1'), published('r2', { leaderFeedback: true })], {
        supportLevel: 'NEEDS_SUPPORT',
      }),
      row(
        'p3',
        's2',
        [progress('r1', { submissionOverdue: true }), progress('r2', { analysisStatus: 'DRAFT' })],
        { supportLevel: 'BEHIND' },
      ),
      row(
        'p4',
        's1',
        [published('r1', { leaderFeedback: true }), published('r2', { leaderFeedback: true })],
        {
          completed: true,
        },
      ),
    ],
    [R1, R2, R3],
    [
      { id: 'a1', authorId: 'p1', roundId: 'r1' },
      { id: 'a2', authorId: 'p2', roundId: 'r1' },
    ],
    2,
    NOW,
  );
  const ids = (f: Partial<MatrixFilter>) =>
    filterMatrix(rows, { schoolId: null, status: 'ALL', roundId: null, ...f }).map((r) => r.personId);

  it('builds one cell per round in the cohort order, with the analysis ids', () => {
    expect(rows[0].cells.map((c) => c.roundNumber)).toEqual([1, 2, 3]);
    expect(rows[0].cells[0].analysisId).toBe('a1');
    expect(rows[0].cells[2].state).toBe('NOT_OPEN');
  });

  it('keeps everyone without a filter', () => {
    expect(ids({})).toEqual(['p1', 'p2', 'p3', 'p4']);
  });

  it('filters by school', () => {
    expect(ids({ schoolId: 's1' })).toEqual(['p1', 'p4']);
  });

  it('filters by status, in any round or in one round', () => {
    expect(ids({ status: 'OVERDUE' })).toEqual(['p3']);
    expect(ids({ status: 'MISSING_LEADER_FEEDBACK' })).toEqual(['p2']);
    expect(ids({ status: 'NOT_PUBLISHED' })).toEqual(['p1', 'p3']);
    expect(ids({ status: 'NOT_PUBLISHED', roundId: 'r1' })).toEqual(['p3']);
    expect(ids({ status: 'NEEDS_SUPPORT' })).toEqual(['p2']);
    expect(ids({ status: 'BEHIND' })).toEqual(['p2', 'p3']);
    expect(ids({ status: 'COMPLETED' })).toEqual(['p4']);
  });

  it('combines school and status', () => {
    expect(ids({ schoolId: 's1', status: 'NOT_PUBLISHED' })).toEqual(['p1']);
    expect(ids({ schoolId: 's1', status: 'OVERDUE' })).toEqual([]);
  });

  it('does not count rounds that have not opened as unpublished', () => {
    expect(ids({ status: 'NOT_PUBLISHED', roundId: 'r3' })).toEqual([]);
  });

  it('lists the schools by name once each', () => {
    expect(schoolsOf(rows)).toEqual([
      { id: 's2', name: 'Ekbackeskolan' },
      { id: 's1', name: 'Solviksskolan' },
    ]);
  });

  it('accepts only known status filters from the address', () => {
    expect(isStatusFilter('OVERDUE')).toBe(true);
    expect(isStatusFilter('overdue')).toBe(false);
    expect(isStatusFilter(undefined)).toBe(false);
  });
});

describe('overdueIn (the quick choice "everyone late in round N")', () => {
  const cell = (roundId: string, overdue: MatrixCell['overdue']): MatrixCell => ({
    roundId,
    roundNumber: 1,
    state: 'NOT_STARTED',
    analysisId: null,
    peerFeedback: 0,
    peersExpected: 2,
    leaderFeedback: false,
    tasksDone: 0,
    tasksTotal: 0,
    overdue,
    complete: false,
  });
  const row = (personId: string, cells: MatrixCell[]): MatrixRow => ({
    personId,
    fullName: personId,
    schoolId: null,
    schoolName: null,
    supportLevel: 'ON_TRACK',
    supportReasons: [],
    completed: false,
    cells,
  });

  it("takes those late with their own work in that round, not those waiting for others' feedback", () => {
    const rows = [
      row('late-analysis', [cell('r1', []), cell('r3', ['SUBMISSION'])]),
      row('late-tasks', [cell('r3', ['TASKS'])]),
      row('feedback-late-on-them', [cell('r3', ['FEEDBACK'])]),
      row('late-elsewhere', [cell('r1', ['SUBMISSION']), cell('r3', [])]),
    ];
    expect(overdueIn(rows, 'r3').map((r) => r.personId)).toEqual(['late-analysis', 'late-tasks']);
    expect(overdueIn(rows, 'r1').map((r) => r.personId)).toEqual(['late-elsewhere']);
  });
});
