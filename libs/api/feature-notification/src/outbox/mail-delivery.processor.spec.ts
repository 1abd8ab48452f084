import { Logger } from '@nestjs/common';
import type PgBoss from 'pg-boss';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@stl/api/util-config';
import type { JobQueue } from '../queue/job-queue';
import { QUEUE } from '../queue/queue-names';
import type { DeliverJobData } from '../queue/queue-names';
import { MailDeliveryProcessor } from './mail-delivery.processor';
import type { MailSender } from './mail-sender';
import type { SendTimeCheck } from './send-time-check';

/** A job as pg-boss hands it over; `data` is whatever JSON the queue table holds. */
function job(id: string, data: unknown): PgBoss.JobWithMetadata<DeliverJobData> {
  return { id, data, retryCount: 0, retryLimit: 3 } as unknown as PgBoss.JobWithMetadata<DeliverJobData>;
}

describe('MailDeliveryProcessor.handle', () => {
  it('fails a job that names no outbox message without looking anything up (ADR 0008)', async () => {
    const getRepository = jest.fn();
    const fail = jest.fn().mockResolvedValue(undefined);
    const processor = new MailDeliveryProcessor(
      { getRepository } as unknown as DataSource,
      {} as MailSender,
      {} as SendTimeCheck,
      { fail } as unknown as JobQueue,
      { notification: {} } as AppConfig,
    );
    // Nest's logger would print the expected error; the test keeps the output quiet.
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);

    await processor.handle([job('j1', {}), job('j2', { outboxId: '' }), job('j3', null)]);

    expect(getRepository).not.toHaveBeenCalled();
    expect(fail.mock.calls).toEqual(
      ['j1', 'j2', 'j3'].map((id) => [
        QUEUE.MAIL_DELIVER,
        id,
        'Delivery stopped: the job names no outbox message.',
      ]),
    );
    expect(logged).toHaveBeenCalledTimes(3);
    logged.mockRestore();
  });
});
