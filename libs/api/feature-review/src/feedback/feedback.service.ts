import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { EntityManager } from 'typeorm';
import {
  AnalysisEntity,
  AnalysisRoundEntity,
  AnalysisStatus,
  AnalysisVersionEntity,
  FeedbackCommentEntity,
  FeedbackCommentKind,
  FeedbackEntity,
  isUniqueViolation,
  ReviewAssignmentEntity,
  ReviewerKind,
  TemplateSectionEntity,
  updateLoaded,
} from '@stl/api/data-access-db';
import type { RequirableQuality } from '@stl/api/data-access-db';
import { AccessPolicy } from '@stl/api/feature-auth';
import { CohortCommands } from '@stl/api/feature-cohort-commands';
import { CohortChangeKind, richTextToPlainText } from '@stl/shared/domain';
import { analyseFeedback, guessCoachLanguage } from '@stl/shared/domain/feedback-coach';
import type { FeedbackAnalysis } from '@stl/shared/domain/feedback-coach';
import { NotificationEvents } from '@stl/api/feature-notification';
import type { Actor, CohortAccess } from '@stl/api/feature-auth';
import { BadInputError, DomainError, ForbiddenError, NotFoundError } from '@stl/api/util-errors';
import type { FieldProblem } from '@stl/api/util-errors';
import { groupBy } from '@stl/api/util-graphql';
import { plainTextProblems } from '../common/plain-text';
import { VERSION_FACTS } from '../common/review-lookups.service';
import type { FeedbackInput } from './dto/feedback.inputs';

const PARTS = [
  ['worksWell', 'What works well'],
  ['questions', 'Questions to consider'],
  ['nextSteps', 'Suggestions for next steps'],
] as const;

/** Only what access checks need: never the answers. */
const ANALYSIS_FACTS = {
  id: true,
  roundId: true,
  cohortId: true,
  authorId: true,
  status: true,
  publishedVersion: true,
} as const;

/** Feedback is for the cohort's participants, leaders and admins; school leaders see progress only. */
const SEE_FEEDBACK = {
  actor: 'content',
  forbidden: "School leaders follow their teachers' progress, not the feedback they get.",
} as const;

/** What each requirable quality asks for, in the refusal's problems (the form has its own sentences). */
const QUALITY_HINTS: Record<RequirableQuality, string> = {
  anchored: 'refer to something specific in the analysis',
  question: 'ask at least one genuine question',
  nextStep: 'propose a concrete next step for the teaching',
  aboutLearning: "speak of the pupils' learning, goals or evidence",
};

/** Feedback just given, with what the command read on the way (its version in full, its cohort). */
export interface GivenFeedback {
  feedback: FeedbackEntity;
  version: AnalysisVersionEntity;
  cohortId: string;
}

function refuse(problems: FieldProblem[]): never {
  throw new BadInputError(problems.map((p) => p.message).join(' '), problems);
}

/**
 * Feedback (rule 5): critical friends and course leaders give it on their assignments, course leaders
 * comment on a peer's feedback, the author replies and marks it helpful. Feedback is final once given
 * (a second one on the same assignment is a CONFLICT); the conversation continues in comments.
 */
@Injectable()
export class FeedbackService {
  constructor(
    @InjectRepository(FeedbackEntity) private readonly feedback: Repository<FeedbackEntity>,
    @InjectRepository(FeedbackCommentEntity) private readonly comments: Repository<FeedbackCommentEntity>,
    @InjectRepository(AnalysisEntity) private readonly analyses: Repository<AnalysisEntity>,
    private readonly access: AccessPolicy,
    private readonly commands: CohortCommands,
    private readonly notifications: NotificationEvents,
  ) {}

  async give(actor: Actor, assignmentId: string, input: FeedbackInput): Promise<GivenFeedback> {
    const target = { kind: 'review assignment', id: assignmentId } as const;
    const options = { actor: 'member' } as const;
    return this.commands.runOn(actor, target, CohortChangeKind.Feedback, options, async (m, cohort) => {
      // Read under the cohort's lock: a course leader may have swapped or removed it meanwhile.
      const assignment = await m.findOneOrFail(ReviewAssignmentEntity, { where: { id: assignmentId } });
      if (assignment.reviewerId !== actor.personId) {
        throw new ForbiddenError('This critical-friend assignment is not yours.');
      }
      if (assignment.cancelledAt) {
        throw new DomainError('ASSIGNMENT_CANCELLED', 'This assignment was cancelled by a course leader.');
      }
      if (assignment.completedAt) {
        throw new DomainError('CONFLICT', 'Feedback has already been given on this assignment.');
      }
      const analysis = await m.findOneOrFail(AnalysisEntity, {
        select: ANALYSIS_FACTS,
        where: { id: assignment.analysisId },
      });
      const version = await this.currentVersion(m, analysis);
      if (input.expectedVersion != null && input.expectedVersion !== analysis.publishedVersion) {
        throw new DomainError(
          'STALE_VERSION',
          `The author has published version ${analysis.publishedVersion} since you read version ${input.expectedVersion}: read it before giving feedback.`,
          [],
          { currentVersion: analysis.publishedVersion },
        );
      }
      const text = {
        worksWell: input.worksWell.trim(),
        questions: input.questions.trim(),
        nextSteps: input.nextSteps.trim(),
      };
      const min = Math.max(1, cohort.feedbackMinLength);
      const problems = PARTS.flatMap(([field, label]) => plainTextProblems(field, label, text[field], min));
      const sectionKey = input.sectionKey ?? null;
      if (sectionKey && !(await this.sectionExists(m, analysis.roundId, sectionKey))) {
        problems.push({
          field: 'sectionKey',
          code: 'UNKNOWN_SECTION',
          message: `The round's template has no section "${sectionKey}".`,
        });
      }
      if (problems.length) refuse(problems);

      // The coach reads the feedback beside the version it answers, as the form did while it was
      // written; the cohort's required qualities bind everyone who gives feedback, leaders too.
      const quality = this.readQuality(version, text);
      const missing = cohort.requiredFeedbackQualities.filter((q) => !quality[q].found);
      if (missing.length) {
        throw new DomainError(
          'FEEDBACK_QUALITY_MISSING',
          `The course leaders of this cohort require feedback that also has: ${missing.join(', ')}. Nothing was saved.`,
          missing.map((q) => ({
            field: q,
            code: 'QUALITY_MISSING',
            message: `The feedback needs: ${q} (${QUALITY_HINTS[q]}).`,
          })),
          { missingQualities: missing },
        );
      }

      const now = new Date();
      try {
        const saved = await m.save(
          FeedbackEntity,
          m.create(FeedbackEntity, {
            assignmentId,
            analysisId: analysis.id,
            analysisVersionId: version.id,
            authorId: actor.personId,
            kind: assignment.kind,
            ...text,
            sectionKey,
            markedHelpfulAt: null,
            qualityAnchored: quality.anchored.found,
            qualityQuestion: quality.question.found,
            qualityNextStep: quality.nextStep.found,
            qualityAboutLearning: quality.aboutLearning.found,
            qualityOnlyPraise: quality.onlyPraise.found,
          }),
        );
        await updateLoaded(m, ReviewAssignmentEntity, assignment, { completedAt: now }, now);
        // In the same transaction: the author's mail exists exactly when the feedback does.
        await this.notifications.feedbackReceived(m, saved.id);
        return { feedback: saved, version, cohortId: analysis.cohortId };
      } catch (err) {
        if (isUniqueViolation(err)) {
          throw new DomainError('CONFLICT', 'Feedback has already been given on this assignment.');
        }
        throw err;
      }
    });
  }

  /** A course leader's note on the quality of a critical friend's feedback. */
  async comment(actor: Actor, feedbackId: string, body: string): Promise<FeedbackCommentEntity> {
    return this.onFeedback(actor, feedbackId, async (m, { feedback, access }) => {
      if (!access.leader) {
        throw new ForbiddenError("Only the cohort's course leaders comment on feedback.");
      }
      if (feedback.kind !== ReviewerKind.PEER) {
        refuse([
          {
            field: 'feedbackId',
            code: 'NOT_PEER_FEEDBACK',
            message: "Leader notes are about a critical friend's feedback.",
          },
        ]);
      }
      return this.addComment(m, actor, feedback, FeedbackCommentKind.LEADER_NOTE, body);
    });
  }

  /** The analysis author answers feedback on their analysis. */
  async reply(actor: Actor, feedbackId: string, body: string): Promise<FeedbackCommentEntity> {
    return this.onFeedback(actor, feedbackId, async (m, { feedback, analysis }) => {
      if (analysis.authorId !== actor.personId) {
        throw new ForbiddenError('Only the author of the analysis replies to its feedback.');
      }
      return this.addComment(m, actor, feedback, FeedbackCommentKind.REPLY, body);
    });
  }

  async markHelpful(actor: Actor, feedbackId: string, helpful: boolean): Promise<FeedbackEntity> {
    return this.onFeedback(actor, feedbackId, async (m, { feedback, analysis }) => {
      if (analysis.authorId !== actor.personId) {
        throw new ForbiddenError('Only the author of the analysis marks its feedback as helpful.');
      }
      const markedHelpfulAt = helpful ? (feedback.markedHelpfulAt ?? new Date()) : null;
      await m.update(FeedbackEntity, { id: feedback.id }, { markedHelpfulAt });
      return m.findOneOrFail(FeedbackEntity, { where: { id: feedback.id } });
    });
  }

  async read(actor: Actor, feedbackId: string): Promise<FeedbackEntity> {
    return (await this.visible(actor, feedbackId)).feedback;
  }

  /** Feedback is for the cohort's participants, leaders and admins; school leaders see progress only. */
  async assertCanSeeFeedback(actor: Actor, cohortId: string): Promise<CohortAccess> {
    const access = await this.access.cohortAccess(actor, cohortId);
    if (!access.canSeeContent) throw new ForbiddenError(SEE_FEEDBACK.forbidden);
    return access;
  }

  /** Replies for everyone who sees the feedback; leader notes for those who run the cohort and the feedback's author. */
  async visibleComments(
    actor: Actor,
    feedback: FeedbackEntity,
    cohortId: string,
    comments: FeedbackCommentEntity[],
  ): Promise<FeedbackCommentEntity[]> {
    const access = await this.assertCanSeeFeedback(actor, cohortId);
    const notes = access.canManage || feedback.authorId === actor.personId;
    return comments.filter((c) => c.kind === FeedbackCommentKind.REPLY || notes);
  }

  async byAnalyses(analysisIds: readonly string[]): Promise<Map<string, FeedbackEntity[]>> {
    const rows = await this.feedback.find({
      where: { analysisId: In([...analysisIds]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return groupBy(rows, (f) => f.analysisId);
  }

  async byAssignments(assignmentIds: readonly string[]): Promise<Map<string, FeedbackEntity>> {
    const rows = await this.feedback.findBy({ assignmentId: In([...assignmentIds]) });
    return new Map(rows.map((f) => [f.assignmentId, f]));
  }

  async commentsOf(feedbackIds: readonly string[]): Promise<Map<string, FeedbackCommentEntity[]>> {
    const rows = await this.comments.find({
      where: { feedbackId: In([...feedbackIds]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return groupBy(rows, (c) => c.feedbackId);
  }

  /** Cohort of each analysis, for access checks of feedback in lists. */
  async cohortsOfAnalyses(analysisIds: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.analyses.find({
      select: { id: true, cohortId: true },
      where: { id: In([...analysisIds]) },
    });
    return new Map(rows.map((a) => [a.id, a.cohortId]));
  }

  private async visible(actor: Actor, feedbackId: string) {
    const feedback = await this.feedback.findOne({ where: { id: feedbackId } });
    if (!feedback) throw new NotFoundError('feedback', feedbackId);
    const analysis = await this.analyses.findOneOrFail({
      select: ANALYSIS_FACTS,
      where: { id: feedback.analysisId },
    });
    const access = await this.assertCanSeeFeedback(actor, analysis.cohortId);
    return { feedback, analysis, access };
  }

  /**
   * A change to a feedback's conversation, as a cohort command: those who see the cohort's content,
   * with the feedback and its analysis read under the cohort's lock.
   */
  private onFeedback<T>(
    actor: Actor,
    feedbackId: string,
    work: (
      m: EntityManager,
      found: { feedback: FeedbackEntity; analysis: AnalysisEntity; access: CohortAccess },
    ) => Promise<T>,
  ): Promise<T> {
    const target = { kind: 'feedback', id: feedbackId } as const;
    return this.commands.runOn(
      actor,
      target,
      CohortChangeKind.Feedback,
      SEE_FEEDBACK,
      async (m, _c, access) => {
        const feedback = await m.findOneOrFail(FeedbackEntity, { where: { id: feedbackId } });
        const analysis = await m.findOneOrFail(AnalysisEntity, {
          select: ANALYSIS_FACTS,
          where: { id: feedback.analysisId },
        });
        return work(m, { feedback, analysis, access });
      },
    );
  }

  private async addComment(
    m: EntityManager,
    actor: Actor,
    feedback: FeedbackEntity,
    kind: FeedbackCommentKind,
    body: string,
  ): Promise<FeedbackCommentEntity> {
    const text = body.trim();
    const problems = plainTextProblems('body', 'The comment', text, 1);
    if (problems.length) refuse(problems);
    return m.save(
      m.create(FeedbackCommentEntity, {
        feedbackId: feedback.id,
        authorId: actor.personId,
        kind,
        body: text,
      }),
    );
  }

  private async currentVersion(m: EntityManager, analysis: AnalysisEntity): Promise<AnalysisVersionEntity> {
    const version =
      analysis.status === AnalysisStatus.PUBLISHED && analysis.publishedVersion > 0
        ? await m.findOne(AnalysisVersionEntity, {
            // The text too: the coach reads the feedback beside it (readQuality).
            select: { ...VERSION_FACTS, answers: true },
            where: { analysisId: analysis.id, version: analysis.publishedVersion },
          })
        : null;
    if (!version) {
      throw new DomainError('ANALYSIS_NOT_PUBLISHED', 'Feedback is given on published analyses only.');
    }
    return version;
  }

  private readQuality(
    version: Pick<AnalysisVersionEntity, 'answers'>,
    text: Record<(typeof PARTS)[number][0], string>,
  ): FeedbackAnalysis {
    const analysisText = Object.values(version.answers ?? {})
      .map(richTextToPlainText)
      .join('\n\n');
    const feedbackText = [text.worksWell, text.questions, text.nextSteps].join('\n');
    return analyseFeedback(feedbackText, analysisText, guessCoachLanguage(feedbackText));
  }

  private async sectionExists(m: EntityManager, roundId: string, key: string): Promise<boolean> {
    const round = await m.findOneOrFail(AnalysisRoundEntity, {
      select: { id: true, templateVersionId: true },
      where: { id: roundId },
    });
    return m.exists(TemplateSectionEntity, { where: { templateVersionId: round.templateVersionId, key } });
  }
}
