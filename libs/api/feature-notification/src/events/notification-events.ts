import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { nameBook } from '@stl/api/feature-auth';
import { MailKind } from '@stl/mail/util-templates';
import { richTextToPlainText } from '@stl/shared/domain';
import type { CohortWelcomeData, WelcomeMeeting } from '@stl/mail/util-templates';
import type { NotificationDraft } from '../outbox/notification-draft';
import type { EnqueueResult } from '../outbox/notification-draft';
import { OutboxService } from '../outbox/outbox.service';

interface AssignmentRow {
  id: string;
  reviewer_id: string;
  kind: 'PEER' | 'LEADER';
  cohort_id: string;
  cohort_name: string;
  round_id: string;
  round_number: number;
  round_title: string;
  feedback_deadline: Date;
  analysis_id: string;
  author_id: string;
  /** As the reviewer may see it (ADR 0031); filled in by `withNames`. */
  author_name: string;
}

const ASSIGNMENT_FACTS = `
  SELECT ra.id, ra.reviewer_id, ra.kind, ra.cohort_id, c.name AS cohort_name, r.id AS round_id, r.number AS round_number,
         r.title AS round_title, r.feedback_deadline, a.id AS analysis_id, a.author_id
    FROM review_assignment ra
    JOIN analysis a ON a.id = ra.analysis_id
    JOIN analysis_round r ON r.id = ra.round_id
    JOIN cohort c ON c.id = ra.cohort_id`;

/** A version just published: the analysis, its version number and the answers it holds. */
export interface PublishedVersion {
  analysisId: string;
  version: number;
  answers: Record<string, string>;
}

/**
 * Mail caused by something a person did. Call these inside the transaction of the change, with its
 * EntityManager: the mail exists exactly when the change commits. Each is idempotent (keyed by the
 * event), so calling one twice for the same event sends one mail.
 */
@Injectable()
export class NotificationEvents {
  constructor(private readonly outbox: OutboxService) {}

  /**
   * An analysis was published (a first or a new version): its critical friends and leaders with a
   * live assignment are told. Key `ANALYSIS_PUBLISHED:<analysisId>:v<version>:<reviewerId>`. The
   * publishing command passes the version it wrote (its number and answers), so nothing it already
   * holds is read again.
   */
  async analysisPublished(manager: EntityManager, published: PublishedVersion): Promise<EnqueueResult[]> {
    const { analysisId } = published;
    const rows = await withNames(
      manager,
      await manager.query(`${ASSIGNMENT_FACTS} WHERE ra.analysis_id = $1 AND ra.cancelled_at IS NULL`, [
        analysisId,
      ]),
    );
    // The mail's excerpt: the version's first section with text (sanitised HTML).
    const excerptHtml = Object.values(published.answers).find((html) => richTextToPlainText(html) !== '');
    const drafts: NotificationDraft[] = rows.map((r) => ({
      idempotencyKey: `ANALYSIS_PUBLISHED:${analysisId}:v${published.version}:${r.reviewer_id}`,
      kind: MailKind.ANALYSIS_PUBLISHED,
      recipientId: r.reviewer_id,
      refs: { cohortId: r.cohort_id, assignmentIds: [r.id] },
      data: {
        cohortId: r.cohort_id,
        cohortName: r.cohort_name,
        roundId: r.round_id,
        roundNumber: r.round_number,
        analysisId,
        analysisTitle: r.round_title,
        authorName: r.author_name,
        feedbackDueAt: r.feedback_deadline.toISOString(),
        ...(excerptHtml ? { excerptHtml } : {}),
      },
    }));
    return this.outbox.enqueueMany(manager, drafts);
  }

  /**
   * Critical-friend assignments were made (allocation, repair, a manual add or swap): each peer
   * reviewer is told. Leaders' own assignments are not mailed one by one; their reminders and the
   * weekly summary cover them. Cancelled or done assignments are skipped. Key `REVIEW_ASSIGNED:<assignmentId>`.
   */
  async reviewAssigned(manager: EntityManager, assignmentIds: readonly string[]): Promise<EnqueueResult[]> {
    if (assignmentIds.length === 0) return [];
    const rows = await withNames(
      manager,
      await manager.query(
        `${ASSIGNMENT_FACTS}
        WHERE ra.id = ANY($1::uuid[]) AND ra.kind = 'PEER' AND ra.cancelled_at IS NULL AND ra.completed_at IS NULL`,
        [[...assignmentIds]],
      ),
    );
    return this.outbox.enqueueMany(manager, rows.map(reviewAssignedDraft));
  }

  /** The same for every open peer assignment of a round: call after an allocation is applied or repaired. */
  async reviewAssignedInRound(manager: EntityManager, roundId: string): Promise<EnqueueResult[]> {
    const rows = await withNames(
      manager,
      await manager.query(
        `${ASSIGNMENT_FACTS}
        WHERE ra.round_id = $1 AND ra.kind = 'PEER' AND ra.cancelled_at IS NULL AND ra.completed_at IS NULL`,
        [roundId],
      ),
    );
    return this.outbox.enqueueMany(manager, rows.map(reviewAssignedDraft));
  }

  /** Feedback was given: the analysis's author is told. Key `FEEDBACK_RECEIVED:<feedbackId>`. */
  async feedbackReceived(manager: EntityManager, feedbackId: string): Promise<EnqueueResult[]> {
    const rows: {
      kind: 'PEER' | 'LEADER';
      reviewer_id: string;
      author_id: string;
      analysis_id: string;
      cohort_id: string;
      cohort_name: string;
      round_id: string;
      round_number: number;
      round_title: string;
    }[] = await manager.query(
      `SELECT f.kind, f.author_id AS reviewer_id, a.author_id, a.id AS analysis_id, c.id AS cohort_id,
              c.name AS cohort_name, r.id AS round_id, r.number AS round_number, r.title AS round_title
         FROM feedback f
         JOIN analysis a ON a.id = f.analysis_id
         JOIN analysis_round r ON r.id = a.round_id
         JOIN cohort c ON c.id = a.cohort_id
        WHERE f.id = $1`,
      [feedbackId],
    );
    const names = await nameBook(
      manager,
      rows.map((r) => r.author_id),
      rows.map((r) => r.reviewer_id),
    );
    return this.outbox.enqueueMany(
      manager,
      rows.map((r) => ({
        idempotencyKey: `FEEDBACK_RECEIVED:${feedbackId}`,
        kind: MailKind.FEEDBACK_RECEIVED,
        recipientId: r.author_id,
        refs: { cohortId: r.cohort_id, feedbackId },
        data: {
          cohortId: r.cohort_id,
          cohortName: r.cohort_name,
          roundId: r.round_id,
          roundNumber: r.round_number,
          analysisId: r.analysis_id,
          analysisTitle: r.round_title,
          reviewerName: names(r.author_id, r.reviewer_id),
          reviewerRole: r.kind === 'LEADER' ? 'leader' : 'peer',
        },
      })),
    );
  }

  /**
   * The cohort opened, or participants joined a cohort already open: each active participant named
   * (all of the cohort's when `personIds` is omitted) gets the welcome mail once per cohort, with
   * the meetings as they are now and the first round's deadline. Key `COHORT_WELCOME:<cohortId>:<personId>`.
   */
  async cohortWelcome(
    manager: EntityManager,
    cohortId: string,
    personIds?: readonly string[],
  ): Promise<EnqueueResult[]> {
    const participants: { person_id: string }[] = await manager.query(
      `SELECT m.person_id FROM cohort_membership m
        WHERE m.cohort_id = $1 AND m.role = 'PARTICIPANT' AND m.left_at IS NULL
          AND ($2::uuid[] IS NULL OR m.person_id = ANY($2::uuid[]))
        ORDER BY m.person_id`,
      [cohortId, personIds ? [...personIds] : null],
    );
    if (participants.length === 0) return [];
    const { data, leaderIds } = await this.welcomeData(manager, cohortId);
    const names = await nameBook(
      manager,
      participants.map((p) => p.person_id),
      leaderIds,
    );
    return this.outbox.enqueueMany(
      manager,
      participants.map((p): NotificationDraft => ({
        idempotencyKey: `COHORT_WELCOME:${cohortId}:${p.person_id}`,
        kind: MailKind.COHORT_WELCOME,
        recipientId: p.person_id,
        refs: { cohortId },
        data: { ...data, leaderNames: leaderIds.map((id) => names(p.person_id, id)) },
      })),
    );
  }

  /** The welcome mail's facts; the leaders' names are filled in per recipient (ADR 0031). */
  private async welcomeData(
    manager: EntityManager,
    cohortId: string,
  ): Promise<{ data: CohortWelcomeData; leaderIds: string[] }> {
    const [cohort]: { name: string; starts_on: string; ends_on: string }[] = await manager.query(
      `SELECT name, starts_on::text, ends_on::text FROM cohort WHERE id = $1`,
      [cohortId],
    );
    const leaders: { id: string }[] = await manager.query(
      `SELECT p.id FROM cohort_membership m JOIN person p ON p.id = m.person_id
        WHERE m.cohort_id = $1 AND m.role = 'LEADER' AND m.left_at IS NULL
        ORDER BY m.joined_at, p.full_name`,
      [cohortId],
    );
    const meetings: {
      id: string;
      number: number;
      title: string;
      starts_at: Date;
      ends_at: Date;
      location: string | null;
      video_url: string | null;
    }[] = await manager.query(
      `SELECT id, number, title, starts_at, ends_at, location, video_url FROM meeting
        WHERE cohort_id = $1 ORDER BY starts_at, number`,
      [cohortId],
    );
    const [round]: { id: string; number: number; title: string; submission_deadline: Date }[] =
      await manager.query(
        `SELECT id, number, title, submission_deadline FROM analysis_round
          WHERE cohort_id = $1 ORDER BY number LIMIT 1`,
        [cohortId],
      );
    const data: CohortWelcomeData = {
      cohortId,
      cohortName: cohort.name,
      startsOn: cohort.starts_on,
      endsOn: cohort.ends_on,
      leaderNames: [],
      meetings: meetings.map((mt): WelcomeMeeting => ({
        meetingId: mt.id,
        meetingNumber: mt.number,
        title: mt.title,
        startsAt: mt.starts_at.toISOString(),
        endsAt: mt.ends_at.toISOString(),
        ...(mt.video_url
          ? { ...(mt.location ? { place: mt.location } : {}), videoUrl: mt.video_url }
          : { place: mt.location ?? '' }),
      })),
      firstRound: round
        ? {
            roundId: round.id,
            roundNumber: round.number,
            title: round.title,
            submissionDueAt: round.submission_deadline.toISOString(),
          }
        : null,
    };
    return { data, leaderIds: leaders.map((l) => l.id) };
  }
}

/** Each assignment's author as its reviewer may see them (ADR 0031). */
async function withNames(
  manager: EntityManager,
  rows: Omit<AssignmentRow, 'author_name'>[],
): Promise<AssignmentRow[]> {
  const names = await nameBook(
    manager,
    rows.map((r) => r.reviewer_id),
    rows.map((r) => r.author_id),
  );
  return rows.map((r) => ({ ...r, author_name: names(r.reviewer_id, r.author_id) }));
}

function reviewAssignedDraft(r: AssignmentRow): NotificationDraft {
  return {
    idempotencyKey: `REVIEW_ASSIGNED:${r.id}`,
    kind: MailKind.REVIEW_ASSIGNED,
    recipientId: r.reviewer_id,
    refs: { cohortId: r.cohort_id, assignmentIds: [r.id] },
    data: {
      cohortId: r.cohort_id,
      cohortName: r.cohort_name,
      roundId: r.round_id,
      roundNumber: r.round_number,
      assignmentId: r.id,
      analysisId: r.analysis_id,
      authorName: r.author_name,
      analysisTitle: r.round_title,
      feedbackDueAt: r.feedback_deadline.toISOString(),
    },
  };
}
