import type { FieldProblem } from '@stl/api/util-errors';

export interface MeetingPlace {
  mode: 'DIGITAL' | 'PHYSICAL';
  location: string | null;
  videoUrl: string | null;
}

/** True for an absolute https:// address with a host; video links go to participants in e-mail. */
export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Participants must know where to go: a physical meeting has a place, a digital one a secure link. */
export function meetingPlaceProblems({ mode, location, videoUrl }: MeetingPlace): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (mode === 'PHYSICAL' && !location?.trim()) {
    problems.push({
      field: 'location',
      code: 'LOCATION_REQUIRED',
      message: 'A physical meeting needs a location.',
    });
  }
  if (videoUrl !== null && videoUrl !== '' && !isHttpsUrl(videoUrl)) {
    problems.push({
      field: 'videoUrl',
      code: 'VIDEO_URL_NOT_HTTPS',
      message: 'The video link must be a full https:// address.',
    });
  } else if (mode === 'DIGITAL' && !videoUrl) {
    problems.push({
      field: 'videoUrl',
      code: 'VIDEO_URL_REQUIRED',
      message: 'A digital meeting needs a video link (https://…).',
    });
  }
  return problems;
}

/** The number after the highest one in use, so deleting a meeting never reuses a lower number. */
export function nextNumber(existing: readonly number[]): number {
  return existing.reduce((max, n) => Math.max(max, n), 0) + 1;
}
