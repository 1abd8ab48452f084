import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG } from '@stl/api/util-config';
import type { AppConfig, NotificationConfig } from '@stl/api/util-config';
import { SessionPurgeProcessor } from './housekeeping/session-purge.processor';
import { MailDeliveryProcessor } from './outbox/mail-delivery.processor';
import { JobQueue } from './queue/job-queue';
import { ReminderPlanner } from './reminders/reminder-planner';

/**
 * Starts the background work of this process once the app is up (WORKER_ENABLED): delivery
 * workers, the dead-letter worker, the reminder schedule, and the hourly purge of expired sessions.
 * On shutdown it stops them before anything else closes (Nest destroys dependants first): mail
 * not yet in an SMTP transaction is not started, fetching stops, and transactions in flight get
 * MAIL_SHUTDOWN_GRACE_SECONDS to finish (JobQueue.stop) before the database connections close.
 */
@Injectable()
export class NotificationWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('NotificationWorker');
  private readonly settings: NotificationConfig;

  constructor(
    private readonly queue: JobQueue,
    private readonly delivery: MailDeliveryProcessor,
    private readonly planner: ReminderPlanner,
    private readonly sessionPurge: SessionPurgeProcessor,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.settings = config.notification;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.settings.linkSecretIsDevDefault) {
      this.log.warn(
        'MAIL_LINK_SECRET is not set: unsubscribe links use a development secret and can be forged.',
      );
    }
    if (!this.settings.workerEnabled) return;
    await this.queue.workDeliveries((jobs) => this.delivery.handle(jobs));
    await this.queue.workDeadLetters((jobs) => this.delivery.handleDeadLetters(jobs));
    await this.queue.scheduleTicks(async () => {
      await this.planner.tick(new Date());
    });
    await this.queue.scheduleSessionPurge(async () => {
      await this.sessionPurge.run();
    });
    this.log.log(
      `Mail workers started${this.settings.reminderCron ? `; reminders on "${this.settings.reminderCron}" (Stockholm time)` : ''}; expired sessions purged hourly.`,
    );
  }

  async onModuleDestroy(): Promise<void> {
    this.delivery.stopSending();
    await this.queue.stop();
  }
}
