import { Controller, Get, Param, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public, clientAddress } from '@stl/api/feature-auth';
import { ExportErrorFilter } from '@stl/api/feature-export';
import { DomainError, ErrorCode, NotFoundError } from '@stl/api/util-errors';
import { CALENDAR_FEED_PATH, calendarTokenHash, isCalendarToken } from './calendar-feed-token';
import { CalendarFeedThrottle } from './calendar-feed-throttle';
import { CalendarFeedService } from './calendar-feed.service';

/**
 * `GET /export/calendar/<token>.ics` (issue 14, ADR 0034): a person's meetings and deadlines for
 * Outlook, Google Calendar or Apple Calendar, which fetch it without a cookie; the secret token in
 * the URL is the key. A wrong, renewed or turned-off token gets 404 (JSON, as the exports); too
 * many wrong tokens from one address, or too many fetches of one feed, 429 with Retry-After.
 */
@Controller(CALENDAR_FEED_PATH)
@Public()
@UseFilters(ExportErrorFilter)
export class CalendarFeedController {
  constructor(
    private readonly feeds: CalendarFeedService,
    private readonly throttle: CalendarFeedThrottle,
  ) {}

  @Get(':file')
  async feed(@Param('file') file: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const address = clientAddress(req);
    try {
      await this.throttle.assertAddressAllowed(address);
      const token = file.endsWith('.ics') ? file.slice(0, -4) : '';
      const hash = isCalendarToken(token) ? calendarTokenHash(token) : null;
      const owner = hash ? await this.feeds.personOf(hash) : null;
      if (!hash || !owner) {
        await this.throttle.countMiss(address);
        throw new NotFoundError('calendar feed');
      }
      await this.throttle.admitFetch(hash);
      const body = Buffer.from(await this.feeds.calendar(owner.personId), 'utf8');
      res
        .status(200)
        .set({
          'Content-Type': 'text/calendar; charset=utf-8',
          'Content-Disposition': 'inline; filename="stl.ics"',
          'Content-Length': String(body.length),
          // Personal data behind a secret URL: no shared cache keeps it, no search engine lists it.
          'Cache-Control': 'private, no-store',
          'X-Content-Type-Options': 'nosniff',
          'X-Robots-Tag': 'noindex',
          'Referrer-Policy': 'no-referrer',
        })
        .end(body);
    } catch (e) {
      if (e instanceof DomainError && e.code === ErrorCode.TooManyAttempts)
        res.set('Retry-After', String(e.details?.['retryAfterSeconds'] ?? 60));
      throw e;
    }
  }
}
