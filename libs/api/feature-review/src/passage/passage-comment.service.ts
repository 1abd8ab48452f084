import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import type { EntityManager } from 'typeorm';
import {
  AnalysisEntity,
  AnalysisStatus,
  AnalysisVersionEntity,
  PassageCommentEntity,
  ReviewAssignmentEntity,
} from '@stl/api/data-access-db';
import { AccessPolicy } from '@stl/api/feature-auth';
import type { Actor, CohortAccess } from '@stl/api/feature-auth';
import { CohortCommands } from '@stl/api/feature-cohort-commands';
import { BadInputError, DomainError, ForbiddenError } from '@stl/api/util-errors';
import type { FieldProblem } from '@stl/api/util-errors';
import { groupBy } from '@stl/api/util-graphql';
import { CohortChangeKind, passageMatches, richTextContent } from '@stl/shared/domain';
import { plainTextProblems } from '../common/plain-text';
import type { PassageCommentInput } from './dto/passage-comment.inputs';

/** Passage comments are seen by those who see feedback: not school leaders (progress only). */
const SEE_COMMENTS = {
  actor: 'content',
  forbidden: "School leaders follow their teachers' progress, not the feedback they get.",
} as const;

function refuse(problems: FieldProblem[]): never {
  throw new BadInputError(problems.map((p) => p.message).join(' '), problems);
}

/**
 * Comments on a passage of a published analysis (issue 18, ADR 0026), beside the three-part
 * feedback. Written by the analysis's critical friends and course leaders (an assignment on it that
 * is not cancelled) and by the cohort's course leaders; edited and deleted only by whoever wrote
 * them; seen by everyone who sees the analysis's feedback. Each belongs to the version it was
 * written on.
 */
@Injectable()
export class PassageCommentService {
  constructor(
    @InjectRepository(PassageCommentEntity) private readonly comments: Repository<PassageCommentEntity>,
    @InjectRepository(ReviewAssignmentEntity)
    private readonly assignments: Repository<ReviewAssignmentEntity>,
    private readonly access: AccessPolicy,
    private readonly commands: CohortCommands,
  ) {}

  async create(actor: Actor, input: PassageCommentInput): Promise<PassageCommentEntity> {
    const target = { kind: 'analysis', id: input.analysisId } as const;
    return this.commands.runOn(
      actor,
      target,
      CohortChangeKind.Feedback,
      SEE_COMMENTS,
      async (m, _c, access) => {
        const analysis = await m.findOneOrFail(AnalysisEntity, {
          select: { id: true, authorId: true, status: true, publishedVersion: true },
          where: { id: input.analysisId },
        });
        if (analysis.status !== AnalysisStatus.PUBLISHED || analysis.publishedVersion < 1) {
          throw new DomainError(
            'ANALYSIS_NOT_PUBLISHED',
            'Passages are commented on in published analyses only.',
          );
        }
        if (!(await this.mayComment(m, actor, analysis, access))) {
          throw new ForbiddenError(
            "Only the analysis's critical friends and the cohort's course leaders comment on passages.",
          );
        }
        if (input.version !== analysis.publishedVersion) {
          throw new DomainError(
            'STALE_VERSION',
            `The author has published version ${analysis.publishedVersion} since you read version ${input.version}: read it before commenting.`,
            [],
            { currentVersion: analysis.publishedVersion },
          );
        }
        const version = await m.findOneOrFail(AnalysisVersionEntity, {
          where: { analysisId: analysis.id, version: analysis.publishedVersion },
        });
        const body = input.body.trim();
        const problems = plainTextProblems('body', 'The comment', body, 1);
        const html = version.answers[input.sectionKey];
        if (html === undefined) {
          problems.push({
            field: 'sectionKey',
            code: 'UNKNOWN_SECTION',
            message: `Version ${version.version} has no text in section "${input.sectionKey}".`,
          });
        } else if (!input.exact.trim() || !passageMatches(richTextContent(html), input)) {
          problems.push({
            field: 'exact',
            code: 'QUOTE_MISMATCH',
            message: `The passage is not at ${input.start}–${input.end} of this section in version ${version.version}.`,
          });
        }
        if (problems.length) refuse(problems);
        return m.save(
          m.create(PassageCommentEntity, {
            analysisId: analysis.id,
            analysisVersionId: version.id,
            sectionKey: input.sectionKey,
            exact: input.exact,
            prefix: input.prefix,
            suffix: input.suffix,
            start: input.start,
            end: input.end,
            authorId: actor.personId,
            body,
          }),
        );
      },
    );
  }

  async edit(actor: Actor, id: string, body: string): Promise<PassageCommentEntity> {
    return this.onOwn(actor, id, async (m, comment) => {
      const text = body.trim();
      const problems = plainTextProblems('body', 'The comment', text, 1);
      if (problems.length) refuse(problems);
      comment.body = text;
      return m.save(PassageCommentEntity, comment);
    });
  }

  async remove(actor: Actor, id: string): Promise<string> {
    return this.onOwn(actor, id, async (m, comment) => {
      await m.delete(PassageCommentEntity, { id: comment.id });
      return id;
    });
  }

  /** For the Analysis fields: throws FORBIDDEN for those who do not see feedback. */
  async assertCanSee(actor: Actor, cohortId: string): Promise<CohortAccess> {
    const access = await this.access.cohortAccess(actor, cohortId);
    if (!access.canSeeContent) throw new ForbiddenError(SEE_COMMENTS.forbidden);
    return access;
  }

  /**
   * Whether the actor may comment on passages of this (published) analysis now. `liveAssignment`
   * answers "does the actor hold an assignment on it that is not cancelled" (batched in lists).
   */
  async canComment(
    actor: Actor,
    analysis: AnalysisEntity,
    liveAssignment: (analysisId: string) => Promise<boolean>,
  ): Promise<boolean> {
    if (analysis.status !== AnalysisStatus.PUBLISHED || analysis.authorId === actor.personId) return false;
    const access = await this.access.cohortAccess(actor, analysis.cohortId).catch(() => null);
    if (!access?.canSeeContent) return false;
    return access.leader || liveAssignment(analysis.id);
  }

  /** Of these analyses, those on which the actor holds an assignment that is not cancelled. */
  async liveAssignmentsOf(actor: Actor, analysisIds: readonly string[]): Promise<Map<string, boolean>> {
    const rows = await this.assignments.find({
      select: { id: true, analysisId: true },
      where: { analysisId: In([...analysisIds]), reviewerId: actor.personId, cancelledAt: IsNull() },
    });
    return new Map(rows.map((a) => [a.analysisId, true]));
  }

  async byAnalyses(analysisIds: readonly string[]): Promise<Map<string, PassageCommentEntity[]>> {
    const rows = await this.comments.find({
      where: { analysisId: In([...analysisIds]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return groupBy(rows, (c) => c.analysisId);
  }

  /** The cohort's course leaders, and whoever holds an assignment on it that was not cancelled. */
  private async mayComment(
    m: EntityManager,
    actor: Actor,
    analysis: Pick<AnalysisEntity, 'id' | 'authorId'>,
    access: CohortAccess,
  ): Promise<boolean> {
    if (analysis.authorId === actor.personId) return false;
    if (access.leader) return true;
    const assignment = await m.findOne(ReviewAssignmentEntity, {
      select: { id: true, cancelledAt: true },
      where: { analysisId: analysis.id, reviewerId: actor.personId },
    });
    return !!assignment && !assignment.cancelledAt;
  }

  /** A change to one's own comment, as a cohort command with the comment read under the lock. */
  private onOwn<T>(
    actor: Actor,
    id: string,
    work: (m: EntityManager, comment: PassageCommentEntity) => Promise<T>,
  ): Promise<T> {
    const target = { kind: 'passage comment', id } as const;
    return this.commands.runOn(actor, target, CohortChangeKind.Feedback, SEE_COMMENTS, async (m) => {
      const comment = await m.findOneOrFail(PassageCommentEntity, { where: { id } });
      if (comment.authorId !== actor.personId) {
        throw new ForbiddenError('Only the one who wrote a passage comment changes or deletes it.');
      }
      return work(m, comment);
    });
  }
}
