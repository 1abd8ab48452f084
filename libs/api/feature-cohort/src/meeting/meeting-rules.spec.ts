import { isHttpsUrl, meetingPlaceProblems, nextNumber } from './meeting-rules';

describe('meetingPlaceProblems', () => {
  it('accepts a physical meeting with a place and a digital one with an https link', () => {
    expect(meetingPlaceProblems({ mode: 'PHYSICAL', location: 'Sal 3', videoUrl: null })).toEqual([]);
    expect(
      meetingPlaceProblems({ mode: 'DIGITAL', location: null, videoUrl: 'https://meet.example/stl' }),
    ).toEqual([]);
  });

  it('asks a physical meeting for a location that is more than spaces', () => {
    for (const location of [null, '', '   ']) {
      expect(meetingPlaceProblems({ mode: 'PHYSICAL', location, videoUrl: null })).toEqual([
        { field: 'location', code: 'LOCATION_REQUIRED', message: 'A physical meeting needs a location.' },
      ]);
    }
  });

  it('asks a digital meeting for a video link, and any link to be https', () => {
    expect(
      meetingPlaceProblems({ mode: 'DIGITAL', location: 'Sal 3', videoUrl: null }).map((p) => p.code),
    ).toEqual(['VIDEO_URL_REQUIRED']);
    for (const videoUrl of [
      'http://meet.example/stl',
      'javascript:alert(1)',
      'meet.example/stl',
      'https://',
    ]) {
      expect(meetingPlaceProblems({ mode: 'DIGITAL', location: null, videoUrl }).map((p) => p.code)).toEqual([
        'VIDEO_URL_NOT_HTTPS',
      ]);
    }
    expect(
      meetingPlaceProblems({ mode: 'PHYSICAL', location: 'Sal 3', videoUrl: 'ftp://x.example' }).map(
        (p) => p.field,
      ),
    ).toEqual(['videoUrl']);
  });

  it('recognises https URLs', () => {
    expect(isHttpsUrl('https://larkby.example/möte?id=1')).toBe(true);
    expect(isHttpsUrl('HTTPS://LARKBY.EXAMPLE')).toBe(true);
    expect(isHttpsUrl('not a url')).toBe(false);
  });
});

describe('nextNumber', () => {
  it('numbers after the highest in use, never filling gaps', () => {
    expect(nextNumber([])).toBe(1);
    expect(nextNumber([1, 2, 3])).toBe(4);
    expect(nextNumber([2, 7, 3])).toBe(8);
  });
});
