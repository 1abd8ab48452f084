import type { NotificationConfig } from '@stl/api/util-config';
import { smtpTransactionBoundMs } from '@stl/mail/data-access-transport';
import type { SmtpTransportOptions } from '@stl/mail/data-access-transport';

/**
 * The worker's fetch loops (JobQueue.workDeliveries), each handling one batch at a time. Four, so
 * that while some wait on the database (completing a batch, fetching and reading the next) others
 * have mail ready for the pool (issue 16: with two, the pool often ran dry between batches).
 */
export const DELIVERY_LOOPS = 4;

/** The SMTP pool of a process, from SMTP_TIMEOUT_SECONDS and SMTP_MAX_CONNECTIONS. */
export function smtpOptions(s: NotificationConfig): SmtpTransportOptions {
  return {
    maxConnections: s.smtpMaxConnections,
    socketTimeoutMs: s.smtpTimeoutMs,
    connectionTimeoutMs: Math.min(10_000, s.smtpTimeoutMs),
    greetingTimeoutMs: Math.min(10_000, s.smtpTimeoutMs),
  };
}

export interface DeliveryTiming {
  /** Jobs one fetch loop takes at a time (MAIL_BATCH_SIZE). */
  batchSize: number;
  /**
   * How long a delivery job may stay active: every job a process holds (both loops' batches) can
   * be sent, the pool's connections one transaction after the other, within the SMTP timeouts,
   * plus a margin. Only a backstop for a hung worker: a dead one is caught by the heartbeat within
   * MAIL_RECOVERY_SECONDS, and the SMTP timeouts end every transaction of a live one.
   */
  expireInSeconds: number;
  heartbeatSeconds: number;
}

/** Sized from the SMTP settings (issue 16) instead of a fixed 300 s. */
export function deliveryTiming(s: NotificationConfig): DeliveryTiming {
  const batchSize = s.batchSize;
  const rounds = Math.ceil((DELIVERY_LOOPS * batchSize) / s.smtpMaxConnections);
  const expireInSeconds = Math.ceil((rounds * smtpTransactionBoundMs(smtpOptions(s))) / 1000) + 30;
  return { batchSize, expireInSeconds, heartbeatSeconds: s.heartbeatSeconds };
}
