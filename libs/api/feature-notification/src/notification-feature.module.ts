import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { CohortCommandsModule } from '@stl/api/feature-cohort-commands';
import { CohortReminderSettingsResolver } from './reminders/cohort-reminder-settings.resolver';
import { CohortReminderSettingsService } from './reminders/cohort-reminder-settings.service';
import { NotificationEvents } from './events/notification-events';
import { SessionPurgeProcessor } from './housekeeping/session-purge.processor';
import { NotificationWorker } from './notification-worker';
import { MailAdminResolver } from './outbox/mail-admin.resolver';
import { MailAdminService } from './outbox/mail-admin.service';
import { MailDeliveryProcessor } from './outbox/mail-delivery.processor';
import { MailSender } from './outbox/mail-sender';
import { NudgeResolver } from './nudge/nudge.resolver';
import { NudgeService } from './nudge/nudge.service';
import { OutboxService } from './outbox/outbox.service';
import { SendTimeCheck } from './outbox/send-time-check';
import { PreferenceResolver } from './preferences/preference.resolver';
import { PreferenceService } from './preferences/preference.service';
import { UnsubscribeController } from './preferences/unsubscribe.controller';
import { JobQueue, NOTIFICATION_DATABASE_URL } from './queue/job-queue';
import { ReminderPlanner } from './reminders/reminder-planner';

/**
 * E-mail that is never lost and never sent twice (PRODUCT.md rule 7): the outbox and its workers,
 * the reminder schedule, people's mail preferences and the unsubscribe link. Global, so any
 * feature can inject NotificationEvents into its transactions.
 */
@Module({})
export class NotificationFeatureModule {
  static forRoot(options: { databaseUrl: string }): DynamicModule {
    return {
      module: NotificationFeatureModule,
      global: true,
      imports: [CohortCommandsModule],
      controllers: [UnsubscribeController],
      providers: [
        { provide: NOTIFICATION_DATABASE_URL, useValue: options.databaseUrl },
        JobQueue,
        MailSender,
        OutboxService,
        SendTimeCheck,
        MailDeliveryProcessor,
        ReminderPlanner,
        SessionPurgeProcessor,
        NotificationEvents,
        NotificationWorker,
        PreferenceService,
        PreferenceResolver,
        MailAdminService,
        MailAdminResolver,
        CohortReminderSettingsService,
        CohortReminderSettingsResolver,
        NudgeService,
        NudgeResolver,
      ],
      exports: [
        NotificationEvents,
        OutboxService,
        ReminderPlanner,
        MailDeliveryProcessor,
        PreferenceService,
        JobQueue,
      ],
    };
  }
}
