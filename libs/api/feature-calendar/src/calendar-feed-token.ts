import { createHash, randomBytes } from 'node:crypto';

/** The route of the feed: `GET /export/calendar/<token>.ics` (under the exports' prefix, ADR 0020). */
export const CALENDAR_FEED_PATH = 'export/calendar';

/** 32 random bytes, base64url: 43 characters no one guesses. */
export function newCalendarToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this is stored: the hex SHA-256 of the token. */
export function calendarTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A token as the route receives it: exactly the 43 base64url characters `newCalendarToken` makes. */
export function isCalendarToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

export function calendarFeedUrl(publicWebUrl: string, token: string): string {
  return `${publicWebUrl.replace(/\/+$/, '')}/${CALENDAR_FEED_PATH}/${token}.ics`;
}
