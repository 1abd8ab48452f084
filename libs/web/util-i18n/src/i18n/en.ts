/**
 * The English dictionary: the shared texts (`en.json`) and one file per feature area, each under
 * its own top-level key, so work on one area never touches another's file.
 */
// The accessibility statement (issue 12).
import accessibility from './accessibility.en.json';
import account from './account.en.json';
import admin from './admin.en.json';
// Evidence attached to analyses (ADR 0024).
import attachments from './attachments.en.json';
// The version history of a draft (ADR 0028).
import draftHistory from './draftHistory.en.json';
// The audit log (issue 12, ADR 0029).
import audit from './audit.en.json';
// Certificates of completion and the teacher's portfolio (issue 14, ADR 0032).
import certificates from './certificates.en.json';
import core from './en.json';
// The organisation dashboard (issue 14, ADR 0033).
import dashboard from './dashboard.en.json';
// Downloads (XLSX, CSV) of the follow-up screens.
import exports from './export.en.json';
import followUp from './followUp.en.json';
import notifications from './notifications.en.json';
// Platform operators (ADR 0015)
import operator from './operator.en.json';
// Passwords (ADR 0010)
import password from './password.en.json';
// Comments on passages of a published analysis (ADR 0026).
import passages from './passages.en.json';
// Access export, erasure, retention schedule and record of processing (ADR 0030).
import privacy from './privacy.en.json';
import review from './review.en.json';
import school from './school.en.json';
import setup from './setup.en.json';
// My sessions (settings) and the signed-out notice on the sign-in page.
import sessions from './sessions.en.json';
// The calendar feed and the self-assessment (issue 14, ADR 0034).
import calendarFeed from './calendarFeed.en.json';
import selfAssessment from './selfAssessment.en.json';
// Single sign-on (ADR 0014): the sign-in page's entry and the administrators' settings.
import sso from './sso.en.json';

export default {
  ...core,
  accessibility,
  account,
  admin,
  dashboard,
  attachments,
  draftHistory,
  audit,
  review,
  followUp,
  school,
  setup,
  notifications,
  operator,
  password,
  passages,
  privacy,
  sessions,
  calendarFeed,
  selfAssessment,
  sso,
  export: exports,
  certificates,
};
