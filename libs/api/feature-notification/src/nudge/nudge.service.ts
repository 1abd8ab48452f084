import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { CohortMembershipEntity, CohortRole, PersonEntity } from '@stl/api/data-access-db';
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
        const participant = await m.exists(CohortMembershipEntity, {
          where: {
            cohortId: cohort.id,
            personId: input.personId,
            role: CohortRole.PARTICIPANT,
            leftAt: IsNull(),
            person: { active: true },
          },
        });
        if (!participant) throw new NotFoundError('participant of this cohort', input.personId);
        const leader = await m.findOne(PersonEntity, {
          select: { id: true, fullName: true },
          where: { id: actor.personId },
        });
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
              leaderName: leader?.fullName ?? '',
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
