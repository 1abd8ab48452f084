import { RetentionRecordKind } from '@stl/api/data-access-db';

/** What a retention period counts from. */
export enum RetentionCountsFrom {
  /** The day the record's cohort was archived. */
  COHORT_ARCHIVED = 'COHORT_ARCHIVED',
  /** The day the mail was sent (or given up). */
  MAIL_SENT = 'MAIL_SENT',
}

export interface RetentionKindRule {
  countsFrom: RetentionCountsFrom;
  /** The shortest period an organisation may set, in months. */
  minMonths: number;
  maxMonths: number;
}

/**
 * The retention schedule's kinds and their bounds (ADR 0030): one table that the schedule's
 * validation, the retention job and the record of processing all read. The mail log keeps at
 * least a month, so a bounce or a complaint can still be looked into.
 */
export const RETENTION_KIND_RULES: Readonly<Record<RetentionRecordKind, RetentionKindRule>> = {
  [RetentionRecordKind.PUBLISHED_WORK]: {
    countsFrom: RetentionCountsFrom.COHORT_ARCHIVED,
    minMonths: 0,
    maxMonths: 1200,
  },
  [RetentionRecordKind.ATTENDANCE]: {
    countsFrom: RetentionCountsFrom.COHORT_ARCHIVED,
    minMonths: 0,
    maxMonths: 1200,
  },
  [RetentionRecordKind.MAIL_LOG]: {
    countsFrom: RetentionCountsFrom.MAIL_SENT,
    minMonths: 1,
    maxMonths: 1200,
  },
};
