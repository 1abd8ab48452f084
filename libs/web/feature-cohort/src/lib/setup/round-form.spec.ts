import { EMPTY_ROUND, planFrom, roundDraftOf, roundInput, roundProblems } from './round-form';

const draft = {
  ...EMPTY_ROUND,
  title: 'Analys 1',
  opensDate: '2027-09-08',
  opensTime: '16:00',
  submissionDate: '2027-10-05',
  feedbackDate: '2027-11-02',
};

describe('the round form', () => {
  it('round-trips between the API and the form, in Swedish time', () => {
    const input = roundInput(draft);
    expect(input).toEqual({
      title: 'Analys 1',
      opensAt: '2027-09-08T14:00:00.000Z',
      submissionDeadline: '2027-10-05T21:59:00.000Z',
      feedbackDeadline: '2027-11-02T22:59:00.000Z',
      meetingId: null,
    });
    expect(roundDraftOf(input)).toEqual(draft);
  });

  it('wants the three times in order (rule 2)', () => {
    expect(roundProblems(draft)).toEqual([]);
    expect(roundProblems({ ...draft, submissionDate: '2027-09-01', feedbackDate: '2027-08-01' })).toEqual([
      { field: 'submissionDate', code: 'SUBMISSION_BEFORE_OPENING' },
      { field: 'feedbackDate', code: 'FEEDBACK_BEFORE_SUBMISSION' },
    ]);
    expect(roundProblems({ ...draft, title: '', feedbackTime: '25:00' })).toEqual([
      { field: 'title', code: 'REQUIRED' },
      { field: 'feedbackTime', code: 'INVALID_TIME' },
    ]);
  });
});

describe('the whole round plan sent in one call', () => {
  const existing = [
    {
      id: 'r1',
      number: 1,
      title: 'Analys 1',
      opensAt: 'o1',
      submissionDeadline: 's1',
      feedbackDeadline: 'f1',
      meetingId: null,
    },
    {
      id: 'r7',
      number: 7,
      title: 'Extra',
      opensAt: 'o7',
      submissionDeadline: 's7',
      feedbackDeadline: 'f7',
      meetingId: 'm9',
    },
  ];
  const proposal = [1, 2].map((n) => ({
    number: n,
    opensAt: `O${n}`,
    submissionDeadline: `S${n}`,
    feedbackDeadline: `F${n}`,
    meetingId: `m${n + 2}`,
  }));

  it('changes existing rounds by id, creates missing ones and keeps the others, in number order', () => {
    expect(planFrom(existing, proposal, 'v1', (n) => `Analys ${n}`)).toEqual([
      {
        id: 'r1',
        number: 1,
        title: 'Analys 1',
        opensAt: 'O1',
        submissionDeadline: 'S1',
        feedbackDeadline: 'F1',
        meetingId: 'm3',
      },
      {
        number: 2,
        title: 'Analys 2',
        templateVersionId: 'v1',
        opensAt: 'O2',
        submissionDeadline: 'S2',
        feedbackDeadline: 'F2',
        meetingId: 'm4',
      },
      {
        id: 'r7',
        number: 7,
        title: 'Extra',
        opensAt: 'o7',
        submissionDeadline: 's7',
        feedbackDeadline: 'f7',
        meetingId: 'm9',
      },
    ]);
  });
});
