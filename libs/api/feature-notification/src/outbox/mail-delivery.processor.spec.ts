import { Logger } from '@nestjs/common';
import type PgBoss from 'pg-boss';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@stl/api/util-config';
import type { JobQueue } from '../queue/job-queue';
import { QUEUE } from '../queue/queue-names';
import type { DeliverJobData } from '../queue/queue-names';
import { Grouped, MailDeliveryProcessor, foldDeliveryWrites } from './mail-delivery.processor';
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

describe('foldDeliveryWrites', () => {
  it('folds a count and the SENT mark of one message into one row that does both', () => {
    expect(
      foldDeliveryWrites([
        { outboxId: 'a', to: 'a@x', add: 1 },
        { outboxId: 'b', to: 'b@x', add: 1 },
        { outboxId: 'a', to: 'a@x', add: 0, sent: { messageId: '<a@x>' } },
      ]),
    ).toEqual([
      { outboxId: 'a', to: 'a@x', add: 1, sent: { messageId: '<a@x>' } },
      { outboxId: 'b', to: 'b@x', add: 1 },
    ]);
  });

  it('never counts one message twice in a group, and keeps a mark whose count was written before', () => {
    expect(
      foldDeliveryWrites([
        { outboxId: 'a', to: 'a@x', add: 1 },
        { outboxId: 'a', to: 'a@x', add: 1 },
        { outboxId: 'c', to: 'c@x', add: 0, sent: { messageId: null } },
      ]),
    ).toEqual([
      { outboxId: 'a', to: 'a@x', add: 1 },
      { outboxId: 'c', to: 'c@x', add: 0, sent: { messageId: null } },
    ]);
  });
});

describe('Grouped', () => {
  it('runs what arrives within the linger as one group, and what arrives meanwhile as the next', async () => {
    const groups: number[][] = [];
    let release: () => void = () => undefined;
    const grouped = new Grouped<number>(async (items) => {
      groups.push(items);
      if (groups.length === 1) await new Promise<void>((resolve) => (release = resolve));
    }, 20);
    const first = [grouped.add(1), grouped.add(2), grouped.add(3)];
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(groups).toEqual([[1, 2, 3]]);
    const second = [grouped.add(4), grouped.add(5)];
    release();
    await Promise.all([...first, ...second]);
    expect(groups).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('runs what is queued at once when flushed, without waiting out the linger', async () => {
    const groups: number[][] = [];
    // A linger far longer than the test may take: only the flush can start the group.
    const grouped = new Grouped<number>(async (items) => {
      groups.push(items);
    }, 60_000);
    const added = [grouped.add(1), grouped.add(2)];
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(groups).toEqual([]);
    grouped.flush();
    await Promise.all(added);
    expect(groups).toEqual([[1, 2]]);
    // The next item lingers again.
    const next = grouped.add(3);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(groups).toEqual([[1, 2]]);
    grouped.flush();
    await next;
    expect(groups).toEqual([[1, 2], [3]]);
  });

  it('groups a steady stream by the linger, not one statement right after the other', async () => {
    const groups: number[][] = [];
    // Each statement takes 5 ms; an item comes every millisecond for 60 ms. Without a linger per
    // group, every item that came during a statement would make the next one at once (a dozen
    // statements); with it, a group holds what came in its 25 ms.
    const grouped = new Grouped<number>(async (items) => {
      groups.push(items);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }, 25);
    const added: Promise<void>[] = [];
    const started = performance.now();
    for (let i = 0; performance.now() - started < 60; i++) {
      added.push(grouped.add(i));
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await Promise.all(added);
    expect(groups.flat()).toEqual(added.map((_, i) => i));
    expect(groups.length).toBeLessThanOrEqual(4);
  });

  it('runs a failed group item by item, so only the bad item fails', async () => {
    const runs: number[][] = [];
    const grouped = new Grouped<number>(async (items) => {
      runs.push(items);
      if (items.includes(2)) throw new Error('bad row');
    });
    const results = await Promise.allSettled([grouped.add(1), grouped.add(2), grouped.add(3)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(runs).toEqual([[1], [2, 3], [2], [3]]);
  });
});
