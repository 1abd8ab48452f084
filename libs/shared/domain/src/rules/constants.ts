/**
 * Course rules shared by the API and the web app. Keeping the numbers here means a form can warn
 * with exactly the limit the server will enforce.
 */

/** Rule 1: a cohort cannot open with fewer meetings than this. */
export const MIN_MEETINGS = 8;

/** Rule 1: a cohort cannot open with fewer analysis rounds than this. */
export const MIN_ANALYSIS_ROUNDS = 6;

/** Rule 6: published analyses a participant needs to complete the course. */
export const MIN_PUBLISHED_ANALYSES_FOR_COMPLETION = 6;

/** Rule 4: critical friends per published analysis unless the cohort sets another number. */
export const DEFAULT_PEERS_PER_ANALYSIS = 2;

/** Rule 6: share of meetings a participant must attend unless the cohort sets another share. */
export const DEFAULT_REQUIRED_ATTENDANCE_SHARE = 0.75;

/** Minimum characters in each part of a piece of feedback unless the cohort sets another length. */
export const DEFAULT_FEEDBACK_MIN_LENGTH = 50;

/** Matches varchar(200) columns (names of people, schools, cohorts). */
export const MAX_NAME_LENGTH = 200;

/** Titles are longer than names but still fit on one line in lists and e-mail subjects. */
export const MAX_TITLE_LENGTH = 300;

/** Free text (analysis sections, feedback): generous, but bounded so one request cannot flood storage. */
export const MAX_TEXT_LENGTH = 20_000;

/** A certificate this close to its last valid day is flagged so a renewal can be arranged in time. */
export const CERTIFICATION_EXPIRY_WARNING_DAYS = 60;

/** A meeting longer than this is almost certainly a typo in the date or time (e.g. am/pm, wrong day). */
export const MAX_MEETING_HOURS = 12;
