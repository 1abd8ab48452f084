import { Injectable, Logger } from '@nestjs/common';
import { SessionService } from '@stl/api/feature-auth';
import type { SessionPurgeReport } from '@stl/api/feature-auth';

/**
 * Works the session purge job: deletes expired sign-in sessions (ADR 0004) through
 * `SessionService.purgeExpired`, which feature-auth owns. It lives here, beside the job queue,
 * because this lib owns pg-boss in the process and already depends on feature-auth; feature-auth
 * cannot depend on this lib without a cycle. The cron schedule only enqueues the job; this does the
 * work, and tests call `run` directly.
 */
@Injectable()
export class SessionPurgeProcessor {
  private readonly log = new Logger('SessionPurge');

  constructor(private readonly sessions: SessionService) {}

  async run(now: Date = new Date()): Promise<SessionPurgeReport> {
    const report = await this.sessions.purgeExpired({ now });
    if (report.deleted > 0) {
      this.log.log(
        `Deleted ${report.deleted} expired sessions${report.more ? '; more are left for the next run' : ''}.`,
      );
    }
    return report;
  }
}
