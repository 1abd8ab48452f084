/**
 * The Swedish dictionary: the shared texts (`sv.json`) and one file per feature area, each under
 * its own top-level key, so work on one area never touches another's file.
 */
// The accessibility statement (issue 12).
import accessibility from './accessibility.sv.json';
import account from './account.sv.json';
import admin from './admin.sv.json';
// Evidence attached to analyses (ADR 0024).
import attachments from './attachments.sv.json';
// The version history of a draft (ADR 0028).
import draftHistory from './draftHistory.sv.json';
// The audit log (issue 12, ADR 0029).
import audit from './audit.sv.json';
// Certificates of completion and the teacher's portfolio (issue 14, ADR 0032).
import certificates from './certificates.sv.json';
import core from './sv.json';
// The organisation dashboard (issue 14, ADR 0033).
import dashboard from './dashboard.sv.json';
// Downloads (XLSX, CSV) of the follow-up screens.
import exports from './export.sv.json';
import followUp from './followUp.sv.json';
import notifications from './notifications.sv.json';
// Platform operators (ADR 0015)
import operator from './operator.sv.json';
// Passwords (ADR 0010)
import password from './password.sv.json';
// Comments on passages of a published analysis (ADR 0026).
import passages from './passages.sv.json';
// Access export, erasure, retention schedule and record of processing (ADR 0030).
import privacy from './privacy.sv.json';
import review from './review.sv.json';
import school from './school.sv.json';
import setup from './setup.sv.json';
// My sessions (settings) and the signed-out notice on the sign-in page.
import sessions from './sessions.sv.json';
// The calendar feed and the self-assessment (issue 14, ADR 0034).
import calendarFeed from './calendarFeed.sv.json';
import selfAssessment from './selfAssessment.sv.json';
// Single sign-on (ADR 0014): the sign-in page's entry and the administrators' settings.
import sso from './sso.sv.json';

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
