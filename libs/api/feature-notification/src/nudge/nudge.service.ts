import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { In, IsNull } from 'typeorm';
import { CohortMembershipEntity, CohortRole, PersonEntity } from '@stl/api/data-access-db';
import { CohortCommands } from '@stl/api/feature-cohort-commands';
import type { Actor } from '@stl/api/feature-auth';
import { nameBook } from '@stl/api/feature-auth';
import { BadInputError, NotFoundError } from '@stl/api/util-errors';
import type { FieldProblem } from '@stl/api/util-errors';
import { MailKind } from '@stl/mail/util-templates';
import type { MissingItem, NudgeTask } from '@stl/mail/util-templates';
import { OutboxService } from '../outbox/outbox.service';
import type { EnqueueResult } from '../outbox/notification-draft';
import { missingByPerson } from '../reminders/summaries';
import { CohortChangeKind, wallClock } from '@stl/shared/domain';
import { NudgeOutcome } from './nudge.models';
import type {
  NudgeParticipantInput,
  NudgeParticipantsInput,
  NudgeParticipantsResultModel,
  NudgeResultModel,
} from './nudge.models';

/** What a participant can do something about; leader feedback is the leaders' own task. */
const OWN_TASKS: ReadonlySet<MissingItem['type']> = new Set(['analysis', 'peerFeedback', 'absence']);

/**
 * A course leader reminds participants by e-mail ("nudge"): the leader's own words and what each
 * participant has missed, the button opening their oldest overdue task, `Reply-To` the leader. At
 * most one per participant, cohort and Stockholm day, whoever of the cohort's leaders sends it (the
 * idempotency key), so a double click or two leaders at once send one. Several participants are one
 * cohort command: all are reminded or, if one is not a participant, none.
 */
@Injectable()
export class NudgeService {
  constructor(
    private readonly commands: CohortCommands,
    private readonly outbox: OutboxService,
  ) {}

  /** One participant; someone who is not one is NOT_FOUND (as before bulk nudging). */
  async nudge(actor: Actor, input: NudgeParticipantInput, now = new Date()): Promise<NudgeResultModel> {
    const { results } = await this.run(actor, input.cohortId, [input.personId], input.message, now, () => {
      throw new NotFoundError('participant of this cohort', input.personId);
    });
    return results[0];
  }

  /** Several participants with one message, in one transaction. */
  nudgeMany(
    actor: Actor,
    input: NudgeParticipantsInput,
    now = new Date(),
  ): Promise<NudgeParticipantsResultModel> {
    return this.run(actor, input.cohortId, input.personIds, input.message, now, (unknown) => {
      const problems: FieldProblem[] = input.personIds.flatMap((id, i) =>
        unknown.has(id)
          ? [
              {
                field: `personIds.${i}`,
                code: 'NOT_A_PARTICIPANT',
                message: `No active participant of this cohort has id ${id}.`,
              },
            ]
          : [],
      );
      throw new BadInputError(
        `${problems.length} of the people named are not active participants of this cohort; nobody was reminded.`,
        problems,
      );
    });
  }

  private async run(
    actor: Actor,
    cohortId: string,
    personIds: readonly string[],
    message: string | null | undefined,
    now: Date,
    refuseUnknown: (unknown: Set<string>) => never,
  ): Promise<NudgeParticipantsResultModel> {
    const text = message?.trim() || null;
    return this.commands.run(
      actor,
      cohortId,
      CohortChangeKind.Nudge,
      { actor: 'manage' },
      async (m, cohort) => {
        // Read under the cohort's lock: a participant withdrawn a moment ago is not nudged.
        const members = await m.find(CohortMembershipEntity, {
          select: { personId: true },
          where: {
            cohortId: cohort.id,
            personId: In([...personIds]),
            role: CohortRole.PARTICIPANT,
            leftAt: IsNull(),
            person: { active: true },
          },
        });
        const known = new Set(members.map((p) => p.personId));
        const unknown = new Set(personIds.filter((id) => !known.has(id)));
        if (unknown.size > 0) refuseUnknown(unknown);

        const leader = await m.findOne(PersonEntity, {
          select: { id: true, fullName: true, email: true, protectedIdentity: true },
          where: { id: actor.personId },
        });
        // Each participant reads their own list; the leader is named as they may see them (ADR 0031).
        const missingOf = new Map(
          (await missingByPerson(m, cohort.id, now, (personId) => personId)).map((p) => [p.id, p.missing]),
        );
        const names = await nameBook(m, personIds, [actor.personId]);
        const tasks = await oldestOverdueTasks(m, cohort.id, personIds, now);
        const day = wallClock(now).date;
        const drafts = personIds.map((personId) => {
          const missing = (missingOf.get(personId) ?? []).filter((item) => OWN_TASKS.has(item.type));
          return {
            idempotencyKey: `NUDGE:${cohort.id}:${personId}:${day}`,
            kind: MailKind.NUDGE,
            recipientId: personId,
            refs: { cohortId: cohort.id },
            // A teacher's answer reaches the leader who wrote, not the platform's no-reply address.
            // A leader with a protected identity shows no address to participants (ADR 0031).
            replyTo:
              leader?.email && !leader.protectedIdentity
                ? { name: leader.fullName, address: leader.email }
                : null,
            data: {
              cohortId: cohort.id,
              cohortName: cohort.name,
              leaderName: names(personId, actor.personId),
              message: text,
              missing,
              task: tasks.get(personId) ?? null,
            },
          } as const;
        });
        const queued = await this.outbox.enqueueMany(m, drafts, { now });
        const results = personIds.map((personId, i) => ({
          personId,
          outcome: outcomeOf(queued[i]),
          missingCount: drafts[i].data.missing.length,
          sendsAt: queued[i].outcome === 'QUEUED' ? (queued[i].notBefore ?? null) : null,
        }));
        const held = results.map((r) => r.sendsAt).filter((d): d is Date => d !== null);
        const sendsAt = held.length ? new Date(Math.max(...held.map((d) => d.getTime()))) : null;
        return { results, sendsAt };
      },
    );
  }
}

function outcomeOf(result: EnqueueResult): NudgeOutcome {
  return result.outcome === 'DUPLICATE'
    ? NudgeOutcome.ALREADY_TODAY
    : result.outcome === 'OPTED_OUT'
      ? NudgeOutcome.OPTED_OUT
      : NudgeOutcome.QUEUED;
}

/**
 * Each person's oldest overdue task of their own, which the nudge's button opens: an analysis not
 * published by its round's deadline (the editor), or a critical-friend task not done by its
 * deadline (the feedback form); the one due first wins.
 */
async function oldestOverdueTasks(
  m: EntityManager,
  cohortId: string,
  personIds: readonly string[],
  now: Date,
): Promise<Map<string, NudgeTask>> {
  const rows: { person_id: string; round_id: string | null; analysis_id: string | null }[] = await m.query(
    `SELECT DISTINCT ON (person_id) person_id, round_id, analysis_id FROM (
       SELECT mem.person_id, r.id AS round_id, NULL::uuid AS analysis_id, r.submission_deadline AS due, r.number
         FROM analysis_round r
         JOIN cohort_membership mem ON mem.cohort_id = r.cohort_id AND mem.role = 'PARTICIPANT' AND mem.left_at IS NULL
        WHERE r.cohort_id = $1 AND r.submission_deadline < $2 AND mem.person_id = ANY($3::uuid[])
          AND NOT EXISTS (SELECT 1 FROM analysis a WHERE a.round_id = r.id AND a.author_id = mem.person_id AND a.status = 'PUBLISHED')
       UNION ALL
       SELECT ra.reviewer_id, NULL::uuid, ra.analysis_id, r.feedback_deadline, r.number
         FROM review_assignment ra JOIN analysis_round r ON r.id = ra.round_id
        WHERE ra.cohort_id = $1 AND ra.kind = 'PEER' AND ra.cancelled_at IS NULL AND ra.completed_at IS NULL
          AND r.feedback_deadline < $2 AND ra.reviewer_id = ANY($3::uuid[])
     ) t
     ORDER BY person_id, due, number, analysis_id NULLS FIRST`,
    [cohortId, now, [...personIds]],
  );
  return new Map(
    rows.map((r): [string, NudgeTask] => [
      r.person_id,
      r.round_id
        ? { type: 'analysis', roundId: r.round_id }
        : { type: 'review', analysisId: r.analysis_id as string },
    ]),
  );
}
