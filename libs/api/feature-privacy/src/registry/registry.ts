import {
  accessibilityContact,
  accountTokens,
  certifications,
  identities,
  notificationPreferences,
  privacyLog,
  roleGrants,
  sessions,
} from './account.handlers';
import {
  analyses,
  attachments,
  attendance,
  draftSnapshots,
  feedback,
  feedbackComments,
  passageComments,
  nextStepChoices,
  feedbackExamples,
  memberships,
  reviewAssignments,
  roundAllocations,
  templateVersions,
} from './course.handlers';
import { completionCertificates, portfolioReflections } from './certificate.handlers';
import { calendarFeedTokens, selfAssessments } from './follow-up.handlers';
import { outbox } from './mail.handler';
import type { PersonDataHandler } from './person-data';

/**
 * Every entity that references a person, with how it is exported and erased (ADR 0030). Adding an
 * entity with a relation to PersonEntity: write its handler and add it here, one line; the
 * privacy coverage test names any entity that is missing. Erasure runs them in this order, then
 * anonymises the person row (`personRow`), in one transaction.
 */
export const PERSON_DATA_HANDLERS: readonly PersonDataHandler[] = [
  roleGrants,
  certifications,
  sessions,
  identities,
  accountTokens,
  notificationPreferences,
  accessibilityContact,
  memberships,
  attendance,
  analyses,
  draftSnapshots,
  attachments,
  reviewAssignments,
  feedback,
  feedbackComments,
  passageComments,
  nextStepChoices,
  feedbackExamples,
  roundAllocations,
  templateVersions,
  completionCertificates,
  portfolioReflections,
  outbox,
  privacyLog,
  calendarFeedTokens,
  selfAssessments,
];
