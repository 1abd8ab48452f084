import { meetingInput, meetingProblems, nextDraft, EMPTY_MEETING } from './meeting-form';

const draft = {
  ...EMPTY_MEETING,
  title: 'Uppstart',
  date: '2027-09-08',
  location: 'Ekbackeskolan, aulan',
  questions: 'Vad är STL?\n\n  Hur börjar vi?  ',
};

describe('the meeting form', () => {
  it('turns a filled-in form into the API input, in Swedish time', () => {
    expect(meetingInput(draft)).toEqual({
      title: 'Uppstart',
      startsAt: '2027-09-08T11:00:00.000Z',
      endsAt: '2027-09-08T14:00:00.000Z',
      mode: 'PHYSICAL',
      location: 'Ekbackeskolan, aulan',
      videoUrl: null,
      theme: null,
      preparation: '',
      discussionQuestions: ['Vad är STL?', 'Hur börjar vi?'],
    });
  });

  it('finds what is missing or wrong before sending', () => {
    expect(meetingProblems(draft)).toEqual([]);
    expect(
      meetingProblems({ ...EMPTY_MEETING, endTime: '12:00', mode: 'DIGITAL', videoUrl: 'http://x.se' }),
    ).toEqual([
      { field: 'title', code: 'REQUIRED' },
      { field: 'date', code: 'INVALID_DATE' },
      { field: 'endTime', code: 'MEETING_ENDS_BEFORE_START' },
      { field: 'videoUrl', code: 'VIDEO_URL_NOT_HTTPS' },
    ]);
    expect(meetingProblems({ ...draft, location: ' ' })).toEqual([
      { field: 'location', code: 'LOCATION_REQUIRED' },
    ]);
  });

  it('offers the next meeting four weeks later, at the same time and place', () => {
    const next = nextDraft({ ...meetingInput(draft), discussionQuestions: [] });
    expect(next).toMatchObject({
      title: '',
      date: '2027-10-06',
      startTime: '13:00',
      endTime: '16:00',
      location: 'Ekbackeskolan, aulan',
    });
    expect(nextDraft(null)).toEqual(EMPTY_MEETING);
  });

  it('does not suggest a meeting in the school holidays: it moves on a week at a time', () => {
    // 2 December + 4 weeks is 30 December (jullov), then 6 January (jullov): 13 January.
    const december = nextDraft({
      ...meetingInput({ ...draft, date: '2026-12-02' }),
      discussionQuestions: [],
    });
    expect(december.date).toBe('2027-01-13');
    // 30 September + 4 weeks is 28 October, in höstlov (week 44): 4 November.
    const autumn = nextDraft({ ...meetingInput({ ...draft, date: '2026-09-30' }), discussionQuestions: [] });
    expect(autumn.date).toBe('2026-11-04');
  });
});

describe("nextDraft with the organisation's own school holidays", () => {
  const last = {
    number: 1,
    title: 'Träff 1',
    startsAt: '2026-12-02T13:00:00.000Z',
    endsAt: '2026-12-02T15:00:00.000Z',
    mode: 'PHYSICAL' as const,
    location: 'Aulan',
    videoUrl: null,
    theme: null,
    preparation: '',
    discussionQuestions: [],
  };

  it('skips the default jullov without a list of its own', () => {
    // 30 December is in the default jullov (21 Dec – 7 Jan): a week at a time to 13 January.
    expect(nextDraft(last).date).toBe('2027-01-13');
  });

  it("uses the organisation's own holidays of that school year instead", () => {
    const own = { schoolYear: '2026/27', holidays: [{ startsOn: '2026-12-28', endsOn: '2027-01-03' }] };
    expect(nextDraft(last, own).date).toBe('2027-01-06');
    // An organisation without a holiday then gets the date as it falls.
    expect(nextDraft(last, { schoolYear: '2026/27', holidays: [] }).date).toBe('2026-12-30');
  });
});
