/*
 * Raw SQL: each step is one set-based UPDATE or DELETE over the due cohorts' rows, with a guard
 * (`<> '[]'`, `<> ''`) that makes a second run change nothing; covered by
 * apps/api/test/privacy-retention.int-spec.ts.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import {
  AttachmentStorageKind,
  PrivacyLogEntity,
  PrivacyLogKind,
  RetentionRecordKind,
  RetentionRuleEntity,
} from '@stl/api/data-access-db';
import { AuditService } from '@stl/api/feature-auth';
import { AttachmentStores } from '@stl/api/feature-analysis';
import { JobQueue } from '@stl/api/feature-notification';
import { APP_CONFIG } from '@stl/api/util-config';
import type { AppConfig } from '@stl/api/util-config';
import { changedRows } from '../registry/changed-rows';

/** The job's queue (pg-boss); a constant, since a renamed queue strands its jobs. */
export const RETENTION_QUEUE = 'privacy-retention';
/** Nightly at 02:17 Stockholm time, when nobody works and the mail schedule is quiet. */
export const RETENTION_CRON = '17 2 * * *';

export interface RetentionReport {
  /** Per organisation that had anything erased: rows per kind of record. */
  organisations: { organisationId: string; counts: Record<string, number> }[];
}

/**
 * Applies every organisation's retention schedule (ADR 0030). Published work of a cohort archived
 * longer ago than the schedule says is blanked (the rows stay, so the cohort's figures do, but
 * no text or file of it is left); attendance is deleted; the mail log's sent rows are deleted.
 * Idempotent: what was erased matches no guard again, so a second run changes nothing and logs
 * nothing. Each organisation is one transaction, recorded in `privacy_log` with counts only.
 */
@Injectable()
export class RetentionJob implements OnApplicationBootstrap {
  private readonly log = new Logger('Retention');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stores: AttachmentStores,
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.notification.workerEnabled) return;
    await this.queue.scheduleHousekeeping(RETENTION_QUEUE, RETENTION_CRON, async () => {
      await this.run();
    });
  }

  async run(now: Date = new Date()): Promise<RetentionReport> {
    const rules = await this.dataSource.manager.find(RetentionRuleEntity, {
      order: { organisationId: 'ASC' },
    });
    const byOrganisation = new Map<string, RetentionRuleEntity[]>();
    for (const r of rules)
      byOrganisation.set(r.organisationId, [...(byOrganisation.get(r.organisationId) ?? []), r]);
    const report: RetentionReport = { organisations: [] };
    for (const [organisationId, orgRules] of byOrganisation) {
      const s3Files: string[] = [];
      const counts = await this.dataSource.transaction(async (m) => {
        const counts: Record<string, number> = {};
        for (const rule of orgRules) {
          const step =
            rule.kind === RetentionRecordKind.PUBLISHED_WORK
              ? await this.publishedWork(m, organisationId, rule.months, now, s3Files)
              : rule.kind === RetentionRecordKind.ATTENDANCE
                ? await this.attendance(m, organisationId, rule.months, now)
                : await this.mailLog(m, organisationId, rule.months, now);
          for (const [k, n] of Object.entries(step)) if (n > 0) counts[k] = n;
        }
        if (Object.keys(counts).length)
          await m.insert(PrivacyLogEntity, {
            organisationId,
            kind: PrivacyLogKind.RETENTION,
            actorId: null,
            subjectId: null,
            counts,
          });
        if (Object.keys(counts).length)
          await this.audit.recordErasure(m, {
            actorId: null,
            organisationId,
            details: { kinds: Object.keys(counts), rows: Object.values(counts).reduce((a, b) => a + b, 0) },
          });
        return counts;
      });
      if (s3Files.length)
        await this.stores.of(AttachmentStorageKind.S3).remove(this.dataSource.manager, s3Files);
      if (Object.keys(counts).length) {
        report.organisations.push({ organisationId, counts });
        this.log.log(
          `Retention schedule of organisation ${organisationId} applied: ${Object.entries(counts)
            .map(([k, n]) => `${k} ${n}`)
            .join(', ')}.`,
        );
      }
    }
    return report;
  }

  /** The organisation's cohorts archived at least `months` before `now`. */
  private async dueCohorts(
    m: EntityManager,
    organisationId: string,
    months: number,
    now: Date,
  ): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT id FROM cohort
        WHERE organisation_id = $1 AND status = 'ARCHIVED' AND archived_at IS NOT NULL
          AND archived_at <= $2::timestamptz - make_interval(months => $3::int)`,
      [organisationId, now, months],
    );
    return rows.map((r) => r.id);
  }

  private async publishedWork(
    m: EntityManager,
    organisationId: string,
    months: number,
    now: Date,
    s3Files: string[],
  ): Promise<Record<string, number>> {
    const due = await this.dueCohorts(m, organisationId, months, now);
    if (!due.length) return {};
    const versions = await changedRows(
      m,
      // The search copies of the text (ADR 0027) go with it; the trigger empties the vector.
      `UPDATE analysis_version v SET answers = '[]'::jsonb, search_title = '', search_text = '' FROM analysis a
        WHERE a.id = v.analysis_id AND a.cohort_id = ANY($1::uuid[])
          AND (v.answers <> '[]'::jsonb OR v.search_title <> '' OR v.search_text <> '') RETURNING v.id`,
      [due],
    );
    const drafts = await changedRows(
      m,
      `UPDATE analysis SET draft_answers = '[]'::jsonb, draft_saved_at = NULL
        WHERE cohort_id = ANY($1::uuid[]) AND (draft_answers <> '[]'::jsonb OR draft_saved_at IS NOT NULL) RETURNING id`,
      [due],
    );
    const feedback = await changedRows(
      m,
      `UPDATE feedback f SET works_well = '', questions = '', next_steps = '' FROM analysis a
        WHERE a.id = f.analysis_id AND a.cohort_id = ANY($1::uuid[])
          AND (f.works_well <> '' OR f.questions <> '' OR f.next_steps <> '') RETURNING f.id`,
      [due],
    );
    const replies = await changedRows(
      m,
      `UPDATE feedback_comment c SET body = '' FROM feedback f JOIN analysis a ON a.id = f.analysis_id
        WHERE f.id = c.feedback_id AND a.cohort_id = ANY($1::uuid[]) AND c.body <> '' RETURNING c.id`,
      [due],
    );
    const passageComments = await changedRows(
      m,
      `UPDATE passage_comment c SET body = '', exact = '', prefix = '', suffix = '' FROM analysis a
        WHERE a.id = c.analysis_id AND a.cohort_id = ANY($1::uuid[])
          AND (c.body <> '' OR c.exact <> '' OR c.prefix <> '' OR c.suffix <> '') RETURNING c.id`,
      [due],
    );
    // The draft history (ADR 0028) is working material: nothing of it outlives the published work.
    const draftSnapshots = await changedRows(
      m,
      `DELETE FROM analysis_draft_snapshot s USING analysis a
        WHERE a.id = s.analysis_id AND a.cohort_id = ANY($1::uuid[]) RETURNING s.id`,
      [due],
    );
    await m.query(
      `DELETE FROM analysis_version_attachment va USING attachment t, analysis a
        WHERE va.attachment_id = t.id AND a.id = t.analysis_id AND a.cohort_id = ANY($1::uuid[])`,
      [due],
    );
    const files = await changedRows<{ id: string; storage: string }>(
      m,
      `DELETE FROM attachment t USING analysis a
        WHERE a.id = t.analysis_id AND a.cohort_id = ANY($1::uuid[]) RETURNING t.id, t.storage`,
      [due],
    );
    s3Files.push(...files.filter((f) => f.storage === AttachmentStorageKind.S3).map((f) => f.id));
    return {
      analysisVersions: versions.length,
      drafts: drafts.length,
      feedback: feedback.length,
      replies: replies.length,
      passageComments: passageComments.length,
      draftSnapshots: draftSnapshots.length,
      attachments: files.length,
    };
  }

  private async attendance(
    m: EntityManager,
    organisationId: string,
    months: number,
    now: Date,
  ): Promise<Record<string, number>> {
    const due = await this.dueCohorts(m, organisationId, months, now);
    if (!due.length) return {};
    const gone = await changedRows(
      m,
      `DELETE FROM attendance a USING meeting mt
        WHERE mt.id = a.meeting_id AND mt.cohort_id = ANY($1::uuid[]) RETURNING a.person_id`,
      [due],
    );
    return { attendance: gone.length };
  }

  /** Sent, digested and cancelled mail; failed and unconfirmed mail stays for the administrators. */
  private async mailLog(
    m: EntityManager,
    organisationId: string,
    months: number,
    now: Date,
  ): Promise<Record<string, number>> {
    const gone = await changedRows(
      m,
      `DELETE FROM outbox_message
        WHERE organisation_id = $1 AND status IN ('SENT', 'DIGESTED', 'CANCELLED')
          AND coalesce(sent_at, updated_at) <= $2::timestamptz - make_interval(months => $3::int)
        RETURNING id`,
      [organisationId, now, months],
    );
    return { mail: gone.length };
  }
}
