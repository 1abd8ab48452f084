import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  AnalysisEntity,
  AnalysisRoundEntity,
  ExampleConsent,
  FeedbackEntity,
  FeedbackExampleEntity,
  NextStepChoiceEntity,
  ReviewerKind,
} from '@stl/api/data-access-db';
import { AccessPolicy } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { CohortCommands } from '@stl/api/feature-cohort-commands';
import { BadInputError, ForbiddenError, NotFoundError } from '@stl/api/util-errors';
import { CohortChangeKind } from '@stl/shared/domain';
import type {
  CohortFeedbackQualityModel,
  FeedbackQualityCountsModel,
  FriendFeedbackQualityModel,
  RoundFeedbackQualityModel,
} from './coach.models';

interface CountRow {
  round_id: string;
  author_id: string;
  given: number;
  assessed: number;
  anchored: number;
  question: number;
  next_step: number;
}

const zero = (): FeedbackQualityCountsModel => ({
  given: 0,
  assessed: 0,
  anchored: 0,
  question: 0,
  nextStep: 0,
});

function add(to: FeedbackQualityCountsModel, row: CountRow): void {
  to.given += row.given;
  to.assessed += row.assessed;
  to.anchored += row.anchored;
  to.question += row.question;
  to.nextStep += row.next_step;
}

/** Whitespace-insensitive comparison of a chosen sentence with the feedback's text. */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The feedback coach beyond the form (issue 15, ADR 0035): the course leader's figures, read with
 * one SQL query over the qualities stored when feedback was given, and the next step an author
 * chose to try, carried into the editor of their next analysis in the cohort.
 */
@Injectable()
export class CoachService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly commands: CohortCommands,
  ) {}

  /** Course leaders and administrators of the cohort; participants and school leaders are refused. */
  async figures(actor: Actor, cohortId: string): Promise<CohortFeedbackQualityModel> {
    const access = await this.access.cohortAccess(actor, cohortId);
    if (!access.canManage) {
      throw new ForbiddenError(
        "Only the cohort's course leaders and administrators see the feedback figures.",
      );
    }
    const [rounds, rows] = await Promise.all([
      this.db.getRepository(AnalysisRoundEntity).find({
        select: { id: true, number: true, title: true },
        where: { cohortId },
        order: { number: 'ASC' },
      }),
      this.db.query(
        `SELECT a.round_id, f.author_id,
                count(*)::int AS given,
                count(f.quality_anchored)::int AS assessed,
                (count(*) FILTER (WHERE f.quality_anchored))::int AS anchored,
                (count(*) FILTER (WHERE f.quality_question))::int AS question,
                (count(*) FILTER (WHERE f.quality_next_step))::int AS next_step
           FROM feedback f JOIN analysis a ON a.id = f.analysis_id
          WHERE a.cohort_id = $1 AND f.kind = $2
          GROUP BY a.round_id, f.author_id`,
        [cohortId, ReviewerKind.PEER],
      ) as Promise<CountRow[]>,
    ]);
    const perRound = () =>
      rounds.map((r): RoundFeedbackQualityModel => ({
        roundId: r.id,
        number: r.number,
        title: r.title,
        counts: zero(),
      }));
    const index = new Map(rounds.map((r, i) => [r.id, i]));
    const total = zero();
    const cohortRounds = perRound();
    const friends = new Map<string, FriendFeedbackQualityModel>();
    for (const row of rows) {
      const i = index.get(row.round_id);
      if (i === undefined) continue;
      add(total, row);
      add(cohortRounds[i].counts, row);
      let friend = friends.get(row.author_id);
      if (!friend) {
        friend = { personId: row.author_id, total: zero(), rounds: perRound() };
        friends.set(row.author_id, friend);
      }
      add(friend.total, row);
      add(friend.rounds[i].counts, row);
    }
    return {
      cohortId,
      total,
      rounds: cohortRounds,
      friends: [...friends.values()].sort(
        (a, b) => b.total.given - a.total.given || a.personId.localeCompare(b.personId),
      ),
    };
  }

  /**
   * The analysis author marks the sentence of a feedback they will try (or takes the choice back with
   * null). The sentence must stand in the feedback; one choice per feedback, the last one counts.
   */
  async chooseNextStep(
    actor: Actor,
    feedbackId: string,
    step: string | null,
  ): Promise<NextStepChoiceEntity | null> {
    const target = { kind: 'feedback', id: feedbackId } as const;
    return this.commands.runOn(
      actor,
      target,
      CohortChangeKind.Feedback,
      { actor: 'content' },
      async (m, cohort) => {
        const feedback = await m.findOneOrFail(FeedbackEntity, { where: { id: feedbackId } });
        const analysis = await m.findOneOrFail(AnalysisEntity, {
          select: { id: true, authorId: true },
          where: { id: feedback.analysisId },
        });
        if (analysis.authorId !== actor.personId) {
          throw new ForbiddenError('Only the author of the analysis chooses a next step from its feedback.');
        }
        if (step === null) {
          await m.delete(NextStepChoiceEntity, { feedbackId });
          return null;
        }
        const chosen = squash(step);
        const text = squash([feedback.worksWell, feedback.questions, feedback.nextSteps].join(' '));
        if (!text.includes(chosen)) {
          throw new BadInputError('Choose a sentence that stands in the feedback.', [
            { field: 'step', code: 'INVALID', message: 'Choose a sentence that stands in the feedback.' },
          ]);
        }
        await m.upsert(
          NextStepChoiceEntity,
          { feedbackId, personId: actor.personId, cohortId: cohort.id, step: chosen },
          ['feedbackId'],
        );
        return m.findOneOrFail(NextStepChoiceEntity, { where: { feedbackId } });
      },
    );
  }

  /** Choices on the given feedback, for the `chosenNextStep` field (who may see them is checked there). */
  async choicesOf(feedbackIds: readonly string[]): Promise<Map<string, NextStepChoiceEntity>> {
    const rows = await this.db
      .getRepository(NextStepChoiceEntity)
      .findBy({ feedbackId: In([...feedbackIds]) });
    return new Map(rows.map((c) => [c.feedbackId, c]));
  }

  async canSeeChoice(actor: Actor, choice: NextStepChoiceEntity): Promise<boolean> {
    if (choice.personId === actor.personId) return true;
    return (await this.access.cohortAccess(actor, choice.cohortId)).canManage;
  }

  /**
   * The steps the viewer chose from feedback on their analyses of earlier rounds of the round's
   * cohort, newest round first: the thread through the year, shown in the editor of this round's
   * analysis. Only ever the viewer's own choices.
   */
  async stepsToTry(actor: Actor, round: AnalysisRoundEntity): Promise<NextStepChoiceEntity[]> {
    return this.db
      .getRepository(NextStepChoiceEntity)
      .createQueryBuilder('c')
      .innerJoin(FeedbackEntity, 'f', 'f.id = c.feedback_id')
      .innerJoin(AnalysisEntity, 'a', 'a.id = f.analysis_id')
      .innerJoin(AnalysisRoundEntity, 'r', 'r.id = a.round_id')
      .where('c.person_id = :person AND c.cohort_id = :cohort AND r.number < :number', {
        person: actor.personId,
        cohort: round.cohortId,
        number: round.number,
      })
      .orderBy('r.number', 'DESC')
      .addOrderBy('c.created_at', 'DESC')
      .getMany();
  }

  /**
   * A course leader asks the writer of a critical friend's feedback whether it may be shown as a
   * good example. Asking again changes nothing: an answer given stands.
   */
  async askForExample(actor: Actor, feedbackId: string): Promise<FeedbackExampleEntity> {
    const target = { kind: 'feedback', id: feedbackId } as const;
    return this.commands.runOn(
      actor,
      target,
      CohortChangeKind.Feedback,
      { actor: 'manage' },
      async (m, cohort) => {
        const feedback = await m.findOneOrFail(FeedbackEntity, { where: { id: feedbackId } });
        if (feedback.kind !== ReviewerKind.PEER) {
          throw new BadInputError("Good examples are critical friends' feedback.", [
            {
              field: 'feedbackId',
              code: 'NOT_PEER_FEEDBACK',
              message: "Good examples are critical friends' feedback.",
            },
          ]);
        }
        await m
          .createQueryBuilder()
          .insert()
          .into(FeedbackExampleEntity)
          .values({
            feedbackId,
            cohortId: cohort.id,
            askedById: actor.personId,
            writerId: feedback.authorId,
            consent: ExampleConsent.ASKED,
            answeredAt: null,
          })
          .orIgnore()
          .execute();
        return m.findOneOrFail(FeedbackExampleEntity, { where: { feedbackId } });
      },
    );
  }

  /** The writer answers (and may change their answer at any time: a yes can be taken back). */
  async answerExample(actor: Actor, feedbackId: string, consent: boolean): Promise<FeedbackExampleEntity> {
    const target = { kind: 'feedback', id: feedbackId } as const;
    return this.commands.runOn(actor, target, CohortChangeKind.Feedback, { actor: 'content' }, async (m) => {
      const example = await m.findOne(FeedbackExampleEntity, { where: { feedbackId } });
      if (!example) throw new NotFoundError('request to show this feedback as an example');
      if (example.writerId !== actor.personId) {
        throw new ForbiddenError('Only the writer of the feedback answers whether it may be shown.');
      }
      example.consent = consent ? ExampleConsent.GIVEN : ExampleConsent.DECLINED;
      example.answeredAt = new Date();
      return m.save(FeedbackExampleEntity, example);
    });
  }

  /** The cohort's examples the writers agreed to show, newest answer first: its leaders and administrators. */
  async examples(actor: Actor, cohortId: string): Promise<FeedbackExampleEntity[]> {
    const access = await this.access.cohortAccess(actor, cohortId);
    if (!access.canManage) {
      throw new ForbiddenError("Only the cohort's course leaders and administrators see its good examples.");
    }
    return this.db.getRepository(FeedbackExampleEntity).find({
      where: { cohortId, consent: ExampleConsent.GIVEN },
      order: { answeredAt: 'DESC', id: 'ASC' },
    });
  }

  async examplesOf(feedbackIds: readonly string[]): Promise<Map<string, FeedbackExampleEntity>> {
    const rows = await this.db
      .getRepository(FeedbackExampleEntity)
      .findBy({ feedbackId: In([...feedbackIds]) });
    return new Map(rows.map((e) => [e.feedbackId, e]));
  }

  /** The writer and those who run the cohort see a request and its answer. */
  async canSeeExample(actor: Actor, example: FeedbackExampleEntity): Promise<boolean> {
    if (example.writerId === actor.personId) return true;
    return (await this.access.cohortAccess(actor, example.cohortId)).canManage;
  }

  async feedbackById(id: string): Promise<FeedbackEntity> {
    return this.db.getRepository(FeedbackEntity).findOneOrFail({ where: { id } });
  }
}
