import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { purgeSpentAccountTokens } from '@stl/api/data-access-db';
import { LoginThrottleService, SessionService } from '@stl/api/feature-auth';
import type { SessionPurgeReport } from '@stl/api/feature-auth';

/**
 * Works the session purge job: deletes expired sign-in sessions (ADR 0004) through
 * `SessionService.purgeExpired`, which feature-auth owns. It lives here, beside the job queue,
 * because this lib owns pg-boss in the process and already depends on feature-auth; feature-auth
 * cannot depend on this lib without a cycle. The cron schedule only enqueues the job; this does the
 * work, and tests call `run` directly. The same run deletes stale sign-in attempt counts
 * (`LoginThrottleService.purgeStale`, ADR 0004 amendment 2026-12-06): one more small table of
 * short-lived security rows, so no job of its own. And spent password-reset and sign-in links
 * (ADR 0013; `purgeSpentAccountTokens`).
 */
@Injectable()
export class SessionPurgeProcessor {
  private readonly log = new Logger('SessionPurge');

  constructor(
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async run(now: Date = new Date()): Promise<SessionPurgeReport> {
    const report = await this.sessions.purgeExpired({ now });
    if (report.deleted > 0) {
      this.log.log(
        `Deleted ${report.deleted} expired sessions${report.more ? '; more are left for the next run' : ''}.`,
      );
    }
    const counts = await this.throttle.purgeStale(now);
    if (counts.deleted > 0) this.log.log(`Deleted ${counts.deleted} stale sign-in attempt counts.`);
    const links = await purgeSpentAccountTokens((sql, params) => this.dataSource.query(sql, params), now);
    if (links > 0) this.log.log(`Deleted ${links} spent password-reset and sign-in links.`);
    return report;
  }
}
