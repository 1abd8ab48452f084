import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '@stl/api/util-errors';

/** One fixed window of counting. */
export const FEED_WINDOW_SECONDS = 10 * 60;
/**
 * Fetches of one feed per window: calendars poll every few minutes to hours, so more is a loop or
 * a leaked URL being hammered.
 */
export const FEED_FETCH_LIMIT = 30;
/**
 * Wrong tokens from one client address per window. Valid fetches are not counted per address:
 * Google and Microsoft fetch everyone's feeds from a few addresses of their own.
 */
export const FEED_MISS_LIMIT = 20;

/**
 * Rate limits of the calendar feed (issue 14), counted in `login_throttle` beside the sign-in
 * counts, so every API process counts into the same rows and the hourly purge clears them. A fixed
 * window per key: one atomic upsert counts and says whether the key is over its limit.
 */
@Injectable()
export class CalendarFeedThrottle {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Refuses (TOO_MANY_ATTEMPTS) while this address has guessed too many wrong tokens. */
  async assertAddressAllowed(address: string, now: Date = new Date()): Promise<void> {
    const rows: { attempts: number; window_started_at: Date }[] = await this.dataSource.query(
      `SELECT attempts, window_started_at FROM login_throttle WHERE key = $1`,
      [missKey(address)],
    );
    const row = rows[0];
    if (row && row.attempts >= FEED_MISS_LIMIT) {
      const retry = windowEnd(row.window_started_at) - now.getTime();
      if (retry > 0) refuse(retry);
    }
  }

  /** Counts a wrong token from this address. */
  async countMiss(address: string, now: Date = new Date()): Promise<void> {
    await this.count(missKey(address), now);
  }

  /** Counts a fetch of one feed; refuses past FEED_FETCH_LIMIT in the window. */
  async admitFetch(tokenHash: string, now: Date = new Date()): Promise<void> {
    const { attempts, windowStartedAt } = await this.count(`ical-feed:${tokenHash}`, now);
    if (attempts > FEED_FETCH_LIMIT) refuse(windowEnd(windowStartedAt) - now.getTime());
  }

  private async count(key: string, now: Date): Promise<{ attempts: number; windowStartedAt: Date }> {
    const [row]: { attempts: number; window_started_at: Date }[] = await this.dataSource.query(
      `INSERT INTO login_throttle AS t (key, attempts, window_started_at, last_attempt_at, locked_until)
       VALUES ($1, 1, $2, $2, NULL)
       ON CONFLICT (key) DO UPDATE SET
         attempts = CASE WHEN t.window_started_at <= $2::timestamptz - make_interval(secs => $3::int)
                         THEN 1 ELSE t.attempts + 1 END,
         window_started_at = CASE WHEN t.window_started_at <= $2::timestamptz - make_interval(secs => $3::int)
                                  THEN $2::timestamptz ELSE t.window_started_at END,
         last_attempt_at = $2::timestamptz
       RETURNING attempts, window_started_at`,
      [key, now, FEED_WINDOW_SECONDS],
    );
    return { attempts: row.attempts, windowStartedAt: new Date(row.window_started_at) };
  }
}

function missKey(address: string): string {
  return `ical-miss:${createHash('sha256').update(address).digest('hex')}`;
}

function windowEnd(start: Date): number {
  return new Date(start).getTime() + FEED_WINDOW_SECONDS * 1000;
}

function refuse(retryMs: number): never {
  throw new DomainError(ErrorCode.TooManyAttempts, 'Too many calendar requests. Try again later.', [], {
    retryAfterSeconds: Math.max(1, Math.ceil(retryMs / 1000)),
  });
}
