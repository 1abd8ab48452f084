import { Injectable } from '@nestjs/common';
import { CohortCommands } from '@stl/api/feature-cohort-commands';
import type { Actor } from '@stl/api/feature-auth';
import { NotFoundError } from '@stl/api/util-errors';
import { MailKind } from '@stl/mail/util-templates';
import type { MissingItem } from '@stl/mail/util-templates';
import { OutboxService } from '../outbox/outbox.service';
import { missingByPerson } from '../reminders/summaries';
import { CohortChangeKind, wallClock } from '@stl/shared/domain';
import { NudgeOutcome } from './nudge.models';
import type { NudgeParticipantInput, NudgeResultModel } from './nudge.models';

/** What a participant can do something about; leader feedback is the leaders' own task. */
const OWN_TASKS: ReadonlySet<MissingItem['type']> = new Set(['analysis', 'peerFeedback', 'absence']);

/**
 * A course leader reminds one participant by e-mail ("nudge"): the leader's own words and what the
 * participant has missed. At most one per participant, cohort and Stockholm day, whoever of the
 * cohort's leaders sends it (the idempotency key), so a double click or two leaders at once send one.
 */
@Injectable()
export class NudgeService {
  constructor(
    private readonly commands: CohortCommands,
    private readonly outbox: OutboxService,
  ) {}

  async nudge(actor: Actor, input: NudgeParticipantInput, now = new Date()): Promise<NudgeResultModel> {
    const options = { actor: 'manage' } as const;
    const result = await this.commands.run(
      actor,
      input.cohortId,
      CohortChangeKind.Nudge,
      options,
      async (m, cohort) => {
        // Read under the cohort's lock: a participant withdrawn a moment ago is not nudged.
        const [participant]: { id: string }[] = await m.query(
          `SELECT m.person_id AS id FROM cohort_membership m JOIN person p ON p.id = m.person_id AND p.active
          WHERE m.cohort_id = $1 AND m.person_id = $2 AND m.role = 'PARTICIPANT' AND m.left_at IS NULL`,
          [cohort.id, input.personId],
        );
        if (!participant) throw new NotFoundError('participant of this cohort', input.personId);
        const [leader]: { full_name: string }[] = await m.query(
          `SELECT full_name FROM person WHERE id = $1`,
          [actor.personId],
        );
        const person = (await missingByPerson(m, cohort.id, now)).find((p) => p.id === input.personId);
        const missing = (person?.missing ?? []).filter((item) => OWN_TASKS.has(item.type));
        const queued = await this.outbox.enqueue(
          m,
          {
            idempotencyKey: `NUDGE:${cohort.id}:${input.personId}:${wallClock(now).date}`,
            kind: MailKind.NUDGE,
            recipientId: input.personId,
            refs: { cohortId: cohort.id },
            data: {
              cohortId: cohort.id,
              cohortName: cohort.name,
              leaderName: leader?.full_name ?? '',
              message: input.message?.trim() || null,
              missing,
            },
          },
          { now },
        );
        return { outcome: queued.outcome, missingCount: missing.length };
      },
    );
    const outcome =
      result.outcome === 'DUPLICATE'
        ? NudgeOutcome.ALREADY_TODAY
        : result.outcome === 'OPTED_OUT'
          ? NudgeOutcome.OPTED_OUT
          : NudgeOutcome.QUEUED;
    return { outcome, missingCount: result.missingCount };
  }
}
