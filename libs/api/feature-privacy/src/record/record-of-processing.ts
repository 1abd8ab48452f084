import { RetentionRecordKind } from '@stl/api/data-access-db';

/** The categories of personal data the record of processing lists (art. 30; ADR 0030). */
export enum ProcessingCategory {
  /** Name, e-mail, school, roles, certifications. */
  ACCOUNT = 'ACCOUNT',
  /** Sessions, sign-in links, single sign-on identities, sign-in attempt counts. */
  SIGN_IN = 'SIGN_IN',
  /** Drafts, files only a draft holds, mail choices. */
  WORKING_MATERIAL = 'WORKING_MATERIAL',
  /** Memberships, critical-friend tasks, allocations: the course's figures. */
  COURSE_RECORDS = 'COURSE_RECORDS',
  PUBLISHED_WORK = 'PUBLISHED_WORK',
  ATTENDANCE = 'ATTENDANCE',
  MAIL_LOG = 'MAIL_LOG',
  /** Answers to the self-assessment before and after the course. */
  SELF_ASSESSMENT = 'SELF_ASSESSMENT',
  /** The audit log: sign-ins, refusals, role and certification changes, exports, erasures, without content. */
  AUDIT_LOG = 'AUDIT_LOG',
  /** Exports, erasures and retention runs, without content. */
  PRIVACY_LOG = 'PRIVACY_LOG',
}

export interface ProcessingLine {
  category: ProcessingCategory;
  /** The retention schedule's line that decides how long it is kept; null: a fixed rule. */
  retentionKind: RetentionRecordKind | null;
  /** Whether erasure on request removes it (true) or keeps it under a placeholder (false). */
  erasedOnRequest: boolean;
}

/**
 * The record of processing, generated: the same kinds the retention job applies, plus the fixed
 * rules of the rest. The web says what each category holds, why and who sees it, in words.
 */
export const PROCESSING: readonly ProcessingLine[] = [
  { category: ProcessingCategory.ACCOUNT, retentionKind: null, erasedOnRequest: true },
  { category: ProcessingCategory.SIGN_IN, retentionKind: null, erasedOnRequest: true },
  { category: ProcessingCategory.WORKING_MATERIAL, retentionKind: null, erasedOnRequest: true },
  { category: ProcessingCategory.COURSE_RECORDS, retentionKind: null, erasedOnRequest: false },
  {
    category: ProcessingCategory.PUBLISHED_WORK,
    retentionKind: RetentionRecordKind.PUBLISHED_WORK,
    erasedOnRequest: false,
  },
  {
    category: ProcessingCategory.ATTENDANCE,
    retentionKind: RetentionRecordKind.ATTENDANCE,
    erasedOnRequest: false,
  },
  {
    category: ProcessingCategory.MAIL_LOG,
    retentionKind: RetentionRecordKind.MAIL_LOG,
    erasedOnRequest: true,
  },
  { category: ProcessingCategory.SELF_ASSESSMENT, retentionKind: null, erasedOnRequest: true },
  { category: ProcessingCategory.PRIVACY_LOG, retentionKind: null, erasedOnRequest: false },
  // Not in the person registry: its lines name people by id only and can never be changed (ADR 0029).
  { category: ProcessingCategory.AUDIT_LOG, retentionKind: null, erasedOnRequest: false },
];
