export { NotificationFeatureModule } from './notification-feature.module';
export { NotificationEvents } from './events/notification-events';
export { OutboxService } from './outbox/outbox.service';
export type { EnqueueOutcome, EnqueueResult, NotificationDraft } from './outbox/notification-draft';
export { MAIL_OUTCOMES, MailDeliveryProcessor } from './outbox/mail-delivery.processor';
export type { MailOutcome } from './outbox/mail-delivery.processor';
export { ReminderPlanner } from './reminders/reminder-planner';
export type { TickReport } from './reminders/reminder-planner';
export { PreferenceService } from './preferences/preference.service';
export {
  signUnsubscribeToken,
  verifyUnsubscribeToken,
  unsubscribeUrl,
} from './preferences/unsubscribe-token';
export { SessionPurgeProcessor } from './housekeeping/session-purge.processor';
export { JobQueue } from './queue/job-queue';
export type { QueueDepth } from './queue/job-queue';
export { accountLinkToken, accountTokenHash } from './outbox/account-link-token';
export { QUEUE, QUEUE_SCHEMA } from './queue/queue-names';
export { SendTimeCheck } from './outbox/send-time-check';
export type { Verdict } from './outbox/send-time-check';
