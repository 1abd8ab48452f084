import {
  COHORT_MANAGERS,
  COHORT_READERS,
  LARKBY_PEOPLE,
  MEMBERS,
  OTHER_COHORT_MANAGERS,
  SIGNED_IN,
} from './authz-world';
import { own } from './authz-world';
import type { Actor, World } from './authz-world';

/**
 * THE AUTHORISATION MATRIX (issue 11): every query and mutation of apps/api/schema.graphql, how to
 * call it against the real objects of the test world (./authz-world.ts), and which actors may.
 * apps/api/test/authorisation-matrix.int-spec.ts runs each entry as every actor:
 *
 * - a query: the actors in `allowed` get data without errors; every other actor gets a typed
 *   refusal (UNAUTHENTICATED, FORBIDDEN or NOT_FOUND) and no data;
 * - a mutation: every actor not in `allowed` is refused with such an error and nothing is written
 *   (a digest of every table); the allowed actors are not refused for authorisation (they may
 *   succeed or get a domain error such as a bad state). Mutations run in the order listed here,
 *   after all queries, so the ones that change what later entries rely on come last.
 *
 * A new operation in the schema without an entry here fails the test, naming it. To add one:
 * add `{ operation, query, variables, allowed }` in the Query or Mutation part below (a mutation
 * that ends sessions or makes objects read-only near the end), aimed at objects of the world
 * (add what it needs to `World` in ./authz-world.ts). An operation may have several entries, e.g.
 * one per input field that only some actors may set.
 */
export interface MatrixEntry {
  /** The Query or Mutation field; `query` must call exactly this field at its top level. */
  operation: string;
  /** What this entry checks, when an operation has several. */
  case?: string;
  query: string;
  /** The variables; `actor` lets each allowed actor of a destructive entry have its own object. */
  variables: (w: World, actor: Actor) => Record<string, unknown>;
  /** Who may see or do it; everyone else is refused. */
  allowed: readonly Actor[];
  /** Run each actor on a new session of theirs (for mutations that end or change sessions). */
  freshSession?: boolean;
  /**
   * The one error code the refused actors must get, when it is not an authorisation refusal: a
   * public operation that needs a working link refuses a forged one with LINK_INVALID.
   */
  refusal?: string;
  /** The exact answer every allowed actor must get (e.g. `true` for the link requests). */
  answer?: unknown;
  /**
   * Tables the allowed actors' calls may change, checked (with mail work that runs after the
   * answer settled) when given: exactly these change, nothing else.
   */
  writes?: readonly string[];
}

const ALL: readonly Actor[] = [...SIGNED_IN, 'anonymous'];
/** The platform operator only (ADR 0015, @PlatformOperatorOnly). */
const OPERATOR: readonly Actor[] = ['operator'];

const SSO_SETTINGS = `organisationId: $org, displayName: "Lärkby kommun", issuer: "https://login.larkby.example", clientId: "stl", allowedDomains: ["larkby.example"], enabled: false, passwordSignInDisabled: false`;
/** A staff file (CSV, base64) of one new teacher of Ekbackeskolan. */
const STAFF_FILE = Buffer.from(
  'Namn;E-post;Skola;Roller\r\nIda Import;ida.import@larkby.example;Ekbackeskolan;Lärare\r\n',
).toString('base64');

export const QUERIES: MatrixEntry[] = [
  {
    operation: 'analysis',
    query: `query($id: ID!) { analysis(id: $id) { id current { version } } }`,
    variables: (w) => ({ id: w.saraAnalysis }),
    allowed: ['participant', 'peer', 'courseLeader', 'admin'],
  },
  {
    operation: 'analysisDraftHistory',
    query: `query($a: ID!) { analysisDraftHistory(analysisId: $a) { totalCount nodes { id sections { words } } } }`,
    variables: (w) => ({ a: w.saraDraft }),
    // The author's working material only: not leaders, administrators or the operator (ADR 0028).
    allowed: ['participant'],
  },
  {
    operation: 'analysisDraftSnapshot',
    query: `query($id: ID!) { analysisDraftSnapshot(id: $id) { id answers { html } } }`,
    variables: (w) => ({ id: w.saraDraftSnapshot }),
    allowed: ['participant'],
  },
  {
    operation: 'analysisRound',
    query: `query($id: ID!) { analysisRound(id: $id) { id title } }`,
    variables: (w) => ({ id: w.round }),
    allowed: COHORT_READERS,
  },
  {
    operation: 'analysisTemplate',
    query: `query($id: ID!) { analysisTemplate(id: $id) { id name } }`,
    variables: (w) => ({ id: w.template }),
    allowed: LARKBY_PEOPLE,
  },
  {
    operation: 'analysisTemplates',
    query: `query($org: ID) { analysisTemplates(organisationId: $org) { id } }`,
    variables: (w) => ({ org: w.organisation }),
    allowed: LARKBY_PEOPLE,
  },
  {
    operation: 'cohort',
    query: `query($id: ID!) { cohort(id: $id) { id name } }`,
    variables: (w) => ({ id: w.cohort }),
    allowed: COHORT_READERS,
  },
  {
    operation: 'cohortProgress',
    query: `query($id: ID!) { cohortProgress(cohortId: $id) { totalCount } }`,
    variables: (w) => ({ id: w.cohort }),
    allowed: ['schoolLeader', 'otherSchoolLeader', ...COHORT_MANAGERS],
  },
  {
    operation: 'cohortProgress',
    case: "another school's participants",
    query: `query($id: ID!, $school: ID) { cohortProgress(cohortId: $id, schoolId: $school) { totalCount } }`,
    variables: (w) => ({ id: w.cohort, school: w.school }),
    allowed: ['schoolLeader', ...COHORT_MANAGERS],
  },
  {
    operation: 'cohortFeedbackQuality',
    query: `query($id: ID!) { cohortFeedbackQuality(cohortId: $id) { total { given } } }`,
    variables: (w) => ({ id: w.cohort }),
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'cohortFeedbackExamples',
    query: `query($id: ID!) { cohortFeedbackExamples(cohortId: $id) { consent } }`,
    variables: (w) => ({ id: w.cohort }),
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'cohortReminderSettings',
    query: `query($id: ID!) { cohortReminderSettings(cohortId: $id) { cohortId } }`,
    variables: (w) => ({ id: w.cohort }),
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'cohorts',
    query: `query($org: ID) { cohorts(organisationId: $org) { totalCount } }`,
    variables: (w) => ({ org: w.organisation }),
    allowed: LARKBY_PEOPLE,
  },
  {
    operation: 'demoAccounts',
    query: `{ demoAccounts { email } }`,
    variables: () => ({}),
    allowed: ALL,
  },
  {
    operation: 'failedMail',
    query: `query($org: ID!) { failedMail(organisationId: $org) { totalCount } }`,
    variables: (w) => ({ org: w.organisation }),
    allowed: ['admin'],
  },
  {
    operation: 'feedback',
    query: `query($id: ID!) { feedback(id: $id) { id worksWell } }`,
    variables: (w) => ({ id: w.feedback }),
    allowed: ['participant', 'peer', 'courseLeader', 'admin'],
  },
  {
    operation: 'invitationPreview',
    query: `query($t: String!) { invitationPreview(token: $t) { firstName } }`,
    variables: (w) => ({ t: w.links.preview }),
    // Public: anyone holding a working link.
    allowed: ALL,
  },
  {
    operation: 'invitationPreview',
    case: 'with a forged link',
    query: `query($t: String!) { invitationPreview(token: $t) { firstName } }`,
    variables: (w) => ({ t: w.forgedLink }),
    allowed: [],
    refusal: 'LINK_INVALID',
  },
  {
    operation: 'me',
    query: `{ me { person { id } } }`,
    variables: () => ({}),
    // Anonymous callers get `me: null`, no error.
    allowed: ALL,
  },
  {
    operation: 'meeting',
    query: `query($id: ID!) { meeting(id: $id) { id title } }`,
    variables: (w) => ({ id: w.meeting }),
    allowed: COHORT_READERS,
  },
  {
    operation: 'myAnalysis',
    query: `query($r: ID!) { myAnalysis(roundId: $r) { id } }`,
    variables: (w) => ({ r: w.draftRound }),
    // Whoever may see the round gets their own analysis, null when they have none.
    allowed: COHORT_READERS,
  },
  {
    operation: 'myNotificationPreferences',
    query: `{ myNotificationPreferences { digestDaily } }`,
    variables: () => ({}),
    allowed: MEMBERS,
  },
  {
    operation: 'organisationDashboard',
    query: `query($org: ID) { organisationDashboard(organisationId: $org) { schoolYear total { participants } } }`,
    variables: (w) => ({ org: w.organisation }),
    // Administrators every cohort, course leaders those they lead (ADR 0033); Karin leads one in planning.
    allowed: ['courseLeader', 'otherCourseLeader', 'admin'],
  },
  {
    operation: 'organisationDashboard',
    case: 'a cohort the caller does not lead',
    query: `query($org: ID, $c: ID) { organisationDashboard(organisationId: $org, cohortId: $c) { total { participants } } }`,
    variables: (w) => ({ org: w.organisation, c: w.cohort }),
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'myProgress',
    query: `query($id: ID!) { myProgress(cohortId: $id) { completed } }`,
    variables: (w) => ({ id: w.cohort }),
    allowed: ['participant', 'peer'],
  },
  {
    operation: 'leaderToDo',
    // Personal: every member gets their own list (empty unless they lead an open cohort).
    query: `{ leaderToDo { kind cohortId } }`,
    variables: () => ({}),
    allowed: MEMBERS,
  },
  {
    operation: 'myReviewTasks',
    query: `{ myReviewTasks { id } }`,
    variables: () => ({}),
    allowed: MEMBERS,
  },
  {
    operation: 'mySessions',
    query: `{ mySessions { id } }`,
    variables: () => ({}),
    allowed: MEMBERS,
  },
  // The calendar feed and the self-assessment (issue 14, ADR 0034).
  {
    operation: 'myCalendarFeed',
    query: `{ myCalendarFeed { active } }`,
    variables: () => ({}),
    // Personal: every member sees their own.
    allowed: MEMBERS,
  },
  {
    operation: 'mySelfAssessments',
    query: `{ mySelfAssessments { cohortId phase } }`,
    variables: () => ({}),
    allowed: MEMBERS,
  },
  {
    operation: 'selfAssessmentQuestions',
    query: `query($org: ID!) { selfAssessmentQuestions(organisationId: $org) { id textSv } }`,
    variables: (w) => ({ org: w.organisation }),
    allowed: LARKBY_PEOPLE,
  },
  {
    operation: 'selfAssessmentResults',
    query: `query($org: ID!) { selfAssessmentResults(organisationId: $org) { minGroupSize byCohort { id } } }`,
    variables: (w) => ({ org: w.organisation }),
    // Administrators and course leaders (their own cohorts); never teachers or school leaders.
    allowed: ['courseLeader', 'otherCourseLeader', 'admin'],
  },
  {
    operation: 'organisation',
    query: `query($id: ID!) { organisation(id: $id) { name } }`,
    variables: (w) => ({ id: w.organisation }),
    allowed: LARKBY_PEOPLE,
  },
  {
    operation: 'organisationSso',
    query: `query($org: ID!) { organisationSso(organisationId: $org) { enabled } }`,
    variables: (w) => ({ org: w.organisation }),
    // The organisation's administrators only (ADR 0014).
    allowed: ['admin'],
  },
  {
    operation: 'auditEvents',
    query: `query($org: ID!) { auditEvents(organisationId: $org, filter: { kind: SIGN_IN }) { totalCount nodes { kind outcome details { key value } actor { id } } } }`,
    variables: (w) => ({ org: w.organisation }),
    // The organisation's administrators only; not platform operators (ADR 0029).
    allowed: ['admin'],
  },
  {
    operation: 'supportThresholds',
    query: `query($org: ID!) { supportThresholds(organisationId: $org) { behindAfterDays isDefault } }`,
    variables: (w) => ({ org: w.organisation }),
    // They explain the support signal: anyone of the organisation may read them.
    allowed: LARKBY_PEOPLE,
  },
  {
    operation: 'schoolHolidays',
    query: `query($org: ID!) { schoolHolidays(organisationId: $org, schoolYear: "2026/27") { isDefault holidays { name } } }`,
    variables: (w) => ({ org: w.organisation }),
    // Meeting suggestions avoid them: anyone of the organisation may read them.
    allowed: LARKBY_PEOPLE,
  },
  {
    operation: 'retentionSchedule',
    query: `query($org: ID!) { retentionSchedule(organisationId: $org) { rules { kind months } } }`,
    variables: (w) => ({ org: w.organisation }),
    // The organisation's administrators only (ADR 0030).
    allowed: ['admin'],
  },
  {
    operation: 'recordOfProcessing',
    query: `query($org: ID!) { recordOfProcessing(organisationId: $org) { organisationName entries { category } } }`,
    variables: (w) => ({ org: w.organisation }),
    allowed: ['admin'],
  },
  {
    operation: 'accessibilityContact',
    query: `query($org: ID!) { accessibilityContact(organisationId: $org) { name recipients } }`,
    variables: (w) => ({ org: w.organisation }),
    // The organisation's administrators only (issue 12).
    allowed: ['admin'],
  },
  {
    operation: 'accessibilityReportOrganisations',
    query: `query { accessibilityReportOrganisations { slug name } }`,
    variables: () => ({}),
    // Public: the signed-out report form lists them.
    allowed: ALL,
  },
  {
    operation: 'people',
    query: `query($org: ID!) { people(organisationId: $org) { totalCount } }`,
    variables: (w) => ({ org: w.organisation }),
    allowed: ['schoolLeader', 'otherSchoolLeader', 'courseLeader', 'otherCourseLeader', 'admin'],
  },
  {
    operation: 'person',
    query: `query($id: ID!) { person(id: $id) { id fullName } }`,
    variables: (w) => ({ id: w.people.sara }),
    allowed: ['participant', 'schoolLeader', 'courseLeader', 'otherCourseLeader', 'admin'],
  },
  {
    operation: 'platformOperators',
    query: `{ platformOperators { email } }`,
    variables: () => ({}),
    allowed: OPERATOR,
  },
  {
    operation: 'platformOrganisation',
    query: `query($id: ID!) { platformOrganisation(id: $id) { peopleCount } }`,
    variables: (w) => ({ id: w.organisation }),
    allowed: OPERATOR,
  },
  {
    operation: 'platformOrganisations',
    query: `{ platformOrganisations { organisation { id } } }`,
    variables: () => ({}),
    allowed: OPERATOR,
  },
  {
    operation: 'previewAllocation',
    query: `query($r: ID!) { previewAllocation(roundId: $r) { applied earlierPairs { authorId } reviewers { schoolId } findings { reviewerId } loads { status } } }`,
    variables: (w) => ({ r: w.round }),
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'school',
    query: `query($id: ID!) { school(id: $id) { name } }`,
    variables: (w) => ({ id: w.school }),
    allowed: LARKBY_PEOPLE,
  },
  {
    operation: 'schools',
    query: `query($org: ID!) { schools(organisationId: $org) { totalCount } }`,
    variables: (w) => ({ org: w.organisation }),
    allowed: LARKBY_PEOPLE,
  },
  {
    operation: 'sharedSpace',
    query: `query($id: ID!) { sharedSpace(cohortId: $id) { totalCount } }`,
    variables: (w) => ({ id: w.cohort }),
    allowed: ['participant', 'peer', ...COHORT_MANAGERS],
  },
  {
    operation: 'searchSharedSpace',
    query: `query($id: ID!) { searchSharedSpace(cohortId: $id, query: "analys") { totalCount } }`,
    variables: (w) => ({ id: w.cohort }),
    // The rule of sharedSpace, the same function (ADR 0027).
    allowed: ['participant', 'peer', ...COHORT_MANAGERS],
  },
  {
    operation: 'sharedSpaceSchools',
    query: `query($id: ID!) { sharedSpaceSchools(cohortId: $id) { id name } }`,
    variables: (w) => ({ id: w.cohort }),
    allowed: ['participant', 'peer', ...COHORT_MANAGERS],
  },
  {
    operation: 'ssoForEmail',
    query: `query($e: String!) { ssoForEmail(input: { email: $e }) { displayName } }`,
    variables: (w) => ({ e: w.emails.participant }),
    // Public, and says nothing about whether the address has an account.
    allowed: ALL,
  },
  // Certificates of completion and the portfolio (issue 14, ADR 0032).
  {
    operation: 'cohortCertificates',
    query: `query($id: ID!) { cohortCertificates(cohortId: $id) { personId completed certificate { code } } }`,
    variables: (w) => ({ id: w.cohort }),
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'myCertificates',
    query: `query { myCertificates { id code } }`,
    variables: () => ({}),
    allowed: MEMBERS,
  },
  {
    operation: 'verifyCertificate',
    query: `query($code: String!) { verifyCertificate(code: $code) { valid name } }`,
    variables: () => ({ code: 'ABCD-EFGH-JKMN' }),
    // Public: anyone may check a code.
    allowed: ALL,
  },
  {
    operation: 'myPortfolio',
    query: `query($id: ID!) { myPortfolio(cohortId: $id) { cohortId entries { number } } }`,
    variables: (w) => ({ id: w.cohort }),
    // The teacher's own: the cohort's participants, each their own; nobody else (ADR 0032).
    allowed: ['participant', 'peer'],
  },
];

const SECTIONS = `[{ key: "goals", title: "Mål", prompt: "Vad ville du?" }]`;

export const MUTATIONS: MatrixEntry[] = [
  {
    operation: 'acceptInvitation',
    query: `mutation($t: String!) { acceptInvitation(input: { token: $t, newPassword: "ett helt nytt lösenord 2026" }) { email } }`,
    // Public: anyone holding a working link (each actor its own), signed in or not.
    variables: (w, actor) => ({ t: w.links.invitation[actor] }),
    allowed: ALL,
    freshSession: true,
  },
  {
    operation: 'acceptInvitation',
    case: 'with a forged link',
    query: `mutation($t: String!) { acceptInvitation(input: { token: $t, newPassword: "ett helt nytt lösenord 2026" }) { email } }`,
    variables: (w) => ({ t: w.forgedLink }),
    allowed: [],
    refusal: 'LINK_INVALID',
    freshSession: true,
  },
  {
    operation: 'addCertification',
    query: `mutation($p: ID!) { addCertification(input: { personId: $p, issuedOn: "2026-06-01", validUntil: "2030-06-30", issuer: "STL-utbildarnätverket" }) { id } }`,
    // Not Karin: her certification stays expired, so she leads no cohort but her own planning one.
    variables: (w) => ({ p: w.people.spare }),
    allowed: ['admin'],
  },
  {
    operation: 'addCohortLeader',
    case: 'Karin, whose certification has expired (a domain refusal for the administrator)',
    query: `mutation($c: ID!, $p: ID!) { addCohortLeader(cohortId: $c, personId: $p) { id } }`,
    variables: (w) => ({ c: w.cohort, p: w.people.karin }),
    allowed: ['admin'],
  },
  {
    operation: 'addReviewer',
    query: `mutation($a: ID!, $r: ID!) { addReviewer(analysisId: $a, reviewerId: $r) { id } }`,
    variables: (w, actor) => ({ a: w.saraAnalysis, r: own(w.freeReviewers, actor) }),
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'startLeaderFeedback',
    // Leader feedback is the cohort's course leaders' own: an administrator who does not lead it may not.
    query: `mutation($a: ID!) { startLeaderFeedback(analysisId: $a) { id } }`,
    variables: (w) => ({ a: w.saraAnalysis }),
    allowed: ['courseLeader'],
  },
  {
    operation: 'applyAllocation',
    query: `mutation($r: ID!) { applyAllocation(roundId: $r) { applied } }`,
    variables: (w) => ({ r: w.unallocatedRound }),
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'lockAllocation',
    query: `mutation($r: ID!) { lockAllocation(roundId: $r) { lockedAt } }`,
    variables: (w) => ({ r: w.unallocatedRound }),
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'repairAllocation',
    query: `mutation($r: ID!) { repairAllocation(roundId: $r) { applied } }`,
    variables: (w) => ({ r: w.unallocatedRound }),
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'applyStaffImport',
    query: `mutation($org: ID!, $file: String!) { applyStaffImport(organisationId: $org, file: $file, sendInvitations: false) { created } }`,
    variables: (w) => ({ org: w.organisation, file: STAFF_FILE }),
    // The organisation's administrators only.
    allowed: ['admin'],
  },
  {
    operation: 'changePassword',
    case: 'with a wrong current password (a domain refusal, so nothing changes)',
    query: `mutation { changePassword(input: { currentPassword: "not-my-password", newPassword: "ett helt nytt lösenord 2026" }) }`,
    variables: () => ({}),
    allowed: MEMBERS,
    freshSession: true,
  },
  {
    operation: 'commentOnFeedback',
    query: `mutation($f: ID!) { commentOnFeedback(feedbackId: $f, body: "En anteckning om kvaliteten.") { id } }`,
    variables: (w) => ({ f: w.feedback }),
    // The cohort's course leaders only, not administrators.
    allowed: ['courseLeader'],
  },
  {
    operation: 'commentOnPassage',
    query: `mutation($input: PassageCommentInput!) { commentOnPassage(input: $input) { id } }`,
    variables: (w) => ({ input: { ...w.saraPassage, body: 'En fråga om just det här stället.' } }),
    // The analysis's critical friend and the cohort's course leader; not its author, not administrators.
    allowed: ['peer', 'courseLeader'],
    writes: ['passage_comment'],
  },
  {
    operation: 'completeCohort',
    query: `mutation($id: ID!) { completeCohort(id: $id) { status } }`,
    variables: (w) => ({ id: w.otherCohort }),
    allowed: OTHER_COHORT_MANAGERS,
  },
  {
    operation: 'copyCohort',
    query: `mutation($c: ID!, $n: String!) { copyCohort(input: { sourceId: $c, name: $n, startsOn: "2027-08-23" }) { id } }`,
    // Each manager copies under a name of their own, so neither meets the other's copy's name.
    variables: (w, actor) => ({ c: w.cohort, n: `Kopia ${actor}` }),
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'createAnalysisRound',
    query: `mutation($c: ID!, $t: ID!) { createAnalysisRound(cohortId: $c, input: { title: "Extra", templateVersionId: $t, opensAt: "2027-05-01T08:00:00Z", submissionDeadline: "2027-05-15T08:00:00Z", feedbackDeadline: "2027-05-25T08:00:00Z" }) { id } }`,
    variables: (w) => ({ c: w.cohort, t: w.templateVersion }),
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'createAnalysisTemplate',
    query: `mutation($org: ID!) { createAnalysisTemplate(input: { organisationId: $org, name: "Ny mall", sections: ${SECTIONS} }) { id } }`,
    variables: (w) => ({ org: w.organisation }),
    allowed: ['admin'],
  },
  {
    operation: 'createAnalysisTemplateVersion',
    query: `mutation($t: ID!) { createAnalysisTemplateVersion(templateId: $t, sections: ${SECTIONS}) { id } }`,
    variables: (w) => ({ t: w.template }),
    allowed: ['admin'],
  },
  {
    operation: 'createCohort',
    query: `mutation($org: ID!) { createCohort(input: { organisationId: $org, name: "Ny omgång", schoolYear: "2027/28", startsOn: "2027-08-20", endsOn: "2028-06-01" }) { id } }`,
    variables: (w) => ({ org: w.organisation }),
    // Karin's certification has expired: she is refused with a domain error, not for her role.
    allowed: ['courseLeader', 'otherCourseLeader', 'admin'],
  },
  {
    operation: 'createMeeting',
    query: `mutation($c: ID!) { createMeeting(cohortId: $c, input: { title: "Extraträff", mode: DIGITAL, videoUrl: "https://meet.larkby.example/extra", startsAt: "2027-05-20T11:00:00Z", endsAt: "2027-05-20T13:00:00Z" }) { id } }`,
    variables: (w) => ({ c: w.cohort }),
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'createOrganisation',
    query: `mutation { createOrganisation(input: { name: "Västby kommun", adminName: "Vera Väst", adminEmail: "vera.vast@vastby.example" }) { organisation { id } } }`,
    variables: () => ({}),
    allowed: OPERATOR,
  },
  {
    operation: 'createPerson',
    query: `mutation($org: ID!) { createPerson(input: { organisationId: $org, fullName: "Ny Person", email: "ny.person@larkby.example", roles: [{ role: TEACHER }] }) { id } }`,
    variables: (w) => ({ org: w.organisation }),
    allowed: ['admin'],
  },
  {
    operation: 'createSchool',
    query: `mutation($org: ID!) { createSchool(input: { organisationId: $org, name: "Nyskolan" }) { id } }`,
    variables: (w) => ({ org: w.organisation }),
    allowed: ['admin'],
  },
  {
    operation: 'deleteAnalysisRound',
    query: `mutation($id: ID!) { deleteAnalysisRound(id: $id) { id } }`,
    variables: (w, actor) => ({ id: w.deletable.rounds[actor === 'admin' ? 1 : 0] }),
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'deleteCohort',
    query: `mutation($id: ID!) { deleteCohort(id: $id) }`,
    // The running cohort: its managers pass authorisation and are then refused with CONFLICT
    // (only a draft can be deleted), so the entries after this one keep their cohort.
    variables: (w) => ({ id: w.cohort }),
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'deleteMeeting',
    query: `mutation($id: ID!) { deleteMeeting(id: $id) { id } }`,
    variables: (w, actor) => ({ id: w.deletable.meetings[actor === 'admin' ? 1 : 0] }),
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'enrolParticipants',
    query: `mutation($c: ID!, $p: [ID!]!) { enrolParticipants(cohortId: $c, personIds: $p) { personId } }`,
    variables: (w) => ({ c: w.cohort, p: [w.people.spare] }),
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'deletePassageComment',
    query: `mutation($id: ID!) { deletePassageComment(id: $id) }`,
    variables: (w) => ({ id: w.passageComments.courseLeader }),
    // Only whoever wrote it (here Maria).
    allowed: ['courseLeader'],
    writes: ['passage_comment'],
  },
  {
    operation: 'editPassageComment',
    query: `mutation($id: ID!) { editPassageComment(id: $id, body: "Vad menar du med det här?") { id } }`,
    variables: (w) => ({ id: w.passageComments.peer }),
    // Only whoever wrote it (here the peer).
    allowed: ['peer'],
    writes: ['passage_comment'],
  },
  {
    operation: 'giveFeedback',
    query: `mutation($a: ID!, $input: FeedbackInput!) { giveFeedback(assignmentId: $a, input: $input) { id } }`,
    variables: (w) => ({
      a: w.saraTask,
      input: {
        worksWell: 'Tydlig koppling mellan målen och elevernas texter, väl beskriven.',
        questions: 'Hur vet du att responsen hjälpte alla elever, även de som skriver minst?',
        nextSteps: 'Pröva att låta eleverna formulera egna kriterier före nästa skrivpass.',
      },
    }),
    allowed: ['participant'],
  },
  {
    operation: 'grantRole',
    query: `mutation($p: ID!) { grantRole(personId: $p, role: TEACHER) { id } }`,
    variables: (w) => ({ p: w.people.spare }),
    allowed: ['admin'],
  },
  {
    operation: 'inviteOrganisationAdministrator',
    query: `mutation($org: ID!) { inviteOrganisationAdministrator(organisationId: $org, input: { name: "Nils Norr", email: "nils.norr@norrby.example" }) { peopleCount } }`,
    variables: (w) => ({ org: w.otherOrganisation }),
    allowed: OPERATOR,
  },
  {
    operation: 'invitePerson',
    query: `mutation($p: ID!) { invitePerson(personId: $p) { id } }`,
    variables: (w) => ({ p: w.toInvite }),
    // Administrators of the person's organisation only.
    allowed: ['admin'],
  },
  {
    operation: 'resendInvitation',
    query: `mutation($p: ID!) { resendInvitation(personId: $p) { id } }`,
    // After invitePerson above: the person has been invited and not yet accepted.
    variables: (w) => ({ p: w.toInvite }),
    allowed: ['admin'],
  },
  {
    operation: 'markMailDelivered',
    query: `mutation($id: ID!) { markMailDelivered(id: $id) { status } }`,
    variables: (w) => ({ id: w.unconfirmedMail.markDelivered }),
    allowed: ['admin'],
  },
  {
    operation: 'chooseNextStep',
    // Sara, the analysis author, chooses a sentence of the peer's feedback (feedbackInput).
    query: `mutation($f: ID!) { chooseNextStep(feedbackId: $f, step: "pröva att låta eleverna formulera egna kriterier") { id } }`,
    variables: (w) => ({ f: w.feedback }),
    allowed: ['participant'],
  },
  {
    operation: 'askToShowFeedback',
    query: `mutation($f: ID!) { askToShowFeedback(feedbackId: $f) { consent } }`,
    variables: (w) => ({ f: w.feedback }),
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'answerFeedbackExample',
    // After askToShowFeedback above: the peer who wrote the feedback answers.
    query: `mutation($f: ID!) { answerFeedbackExample(feedbackId: $f, consent: true) { consent } }`,
    variables: (w) => ({ f: w.feedback }),
    allowed: ['peer'],
  },
  {
    operation: 'markFeedbackHelpful',
    query: `mutation($f: ID!) { markFeedbackHelpful(feedbackId: $f, helpful: true) { helpful } }`,
    variables: (w) => ({ f: w.feedback }),
    allowed: ['participant'],
  },
  {
    operation: 'nudgeParticipant',
    query: `mutation($c: ID!, $p: ID!) { nudgeParticipant(input: { cohortId: $c, personId: $p, message: "Hör av dig!" }) { outcome } }`,
    variables: (w) => ({ c: w.cohort, p: w.people.sara }),
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'nudgeParticipants',
    query: `mutation($c: ID!, $p: ID!) { nudgeParticipants(input: { cohortId: $c, personIds: [$p], message: "Hör av dig!" }) { results { outcome } sendsAt } }`,
    variables: (w) => ({ c: w.cohort, p: w.people.sara }),
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'openCohort',
    query: `mutation($id: ID!) { openCohort(id: $id) { status } }`,
    variables: (w) => ({ id: w.otherCohort }),
    allowed: OTHER_COHORT_MANAGERS,
  },
  {
    operation: 'planRounds',
    query: `mutation($c: ID!) { planRounds(cohortId: $c, rounds: []) { id } }`,
    variables: (w) => ({ c: w.otherCohort }),
    allowed: OTHER_COHORT_MANAGERS,
  },
  {
    operation: 'previewStaffImport',
    query: `mutation($org: ID!, $file: String!) { previewStaffImport(organisationId: $org, file: $file) { rows { outcome } } }`,
    variables: (w) => ({ org: w.organisation, file: STAFF_FILE }),
    allowed: ['admin'],
  },
  {
    operation: 'publishAnalysis',
    query: `mutation($a: ID!, $rev: Int!) { publishAnalysis(input: { analysisId: $a, expectedRevision: $rev, confirmNoPupilIdentifiable: true }) { id } }`,
    variables: (w) => ({ a: w.saraDraft, rev: w.saraDraftRevision }),
    allowed: ['participant'],
  },
  {
    operation: 'recordAttendance',
    query: `mutation($m: ID!, $p: ID!) { recordAttendance(meetingId: $m, entries: [{ personId: $p, status: EXCUSED }]) { id } }`,
    variables: (w) => ({ m: w.meeting, p: w.people.sara }),
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'removeAttachment',
    query: `mutation($id: ID!) { removeAttachment(id: $id) { id } }`,
    variables: (w) => ({ id: w.saraDraftAttachment }),
    // The author only; everyone else is told it does not exist.
    allowed: ['participant'],
  },
  {
    operation: 'removeReviewer',
    query: `mutation($a: ID!) { removeReviewer(assignmentId: $a) { id } }`,
    variables: (w, actor) => ({ a: own(w.removable, actor) }),
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'renameOrganisation',
    query: `mutation($id: ID!) { renameOrganisation(id: $id, name: "Norrby kommun") { organisation { name } } }`,
    variables: (w) => ({ id: w.otherOrganisation }),
    allowed: OPERATOR,
  },
  {
    operation: 'replyToFeedback',
    query: `mutation($f: ID!) { replyToFeedback(feedbackId: $f, body: "Ett svar till.") { id } }`,
    variables: (w) => ({ f: w.feedback }),
    allowed: ['participant'],
  },
  {
    operation: 'resendAdministratorInvitation',
    query: `mutation($p: ID!) { resendAdministratorInvitation(personId: $p) { peopleCount } }`,
    variables: (w) => ({ p: w.invitedAdmin }),
    allowed: OPERATOR,
  },
  {
    operation: 'resetPassword',
    query: `mutation($t: String!) { resetPassword(input: { token: $t, newPassword: "ett helt nytt lösenord 2026" }) { email } }`,
    // Public: anyone holding a working link (each actor its own).
    variables: (w, actor) => ({ t: w.links.reset[actor] }),
    allowed: ALL,
    freshSession: true,
  },
  {
    operation: 'resetPassword',
    case: 'with a forged link',
    query: `mutation($t: String!) { resetPassword(input: { token: $t, newPassword: "ett helt nytt lösenord 2026" }) { email } }`,
    variables: (w) => ({ t: w.forgedLink }),
    allowed: [],
    refusal: 'LINK_INVALID',
    freshSession: true,
  },
  {
    operation: 'resendUnconfirmedMail',
    query: `mutation($id: ID!) { resendUnconfirmedMail(id: $id) { status } }`,
    variables: (w) => ({ id: w.unconfirmedMail.resend }),
    allowed: ['admin'],
  },
  {
    operation: 'retryMail',
    query: `mutation($id: ID!) { retryMail(id: $id) { status } }`,
    variables: (w) => ({ id: w.failedMail }),
    allowed: ['admin'],
  },
  {
    operation: 'revokeRole',
    query: `mutation($p: ID!, $s: ID) { revokeRole(personId: $p, role: SCHOOL_LEADER, schoolId: $s) { id } }`,
    variables: (w) => ({ p: w.people.spare, s: w.school }),
    allowed: ['admin'],
  },
  {
    operation: 'saveAnalysisDraft',
    query: `mutation($r: ID!, $rev: Int!) { saveAnalysisDraft(input: { roundId: $r, expectedRevision: $rev, answers: [{ sectionKey: "plan", html: "<p>Plan</p>" }] }) { id } }`,
    variables: (w, actor) => ({ r: w.draftRound, rev: actor === 'participant' ? w.saraDraftRevision : 0 }),
    // Every participant saves their own draft; the peer's is a new one.
    allowed: ['participant', 'peer'],
  },
  {
    operation: 'saveOrganisationSso',
    query: `mutation($org: ID!) { saveOrganisationSso(input: { ${SSO_SETTINGS} }) { enabled } }`,
    variables: (w) => ({ org: w.organisation }),
    // The organisation's administrators only (ADR 0014); saved turned off, so no issuer is asked.
    allowed: ['admin'],
  },
  {
    operation: 'setSupportThresholds',
    query: `mutation($org: ID!) { setSupportThresholds(input: { organisationId: $org, behindAfterDays: 2, needsSupportAfterDays: 10, needsSupportRoundsMissed: 2 }) { isDefault } }`,
    variables: (w) => ({ org: w.organisation }),
    // The organisation's administrators only.
    allowed: ['admin'],
    writes: ['organisation_support_settings'],
  },
  // The calendar feed and the self-assessment (issue 14, ADR 0034).
  {
    operation: 'renewCalendarFeed',
    query: `mutation { renewCalendarFeed { createdAt } }`,
    variables: () => ({}),
    allowed: MEMBERS,
  },
  {
    operation: 'turnOffCalendarFeed',
    query: `mutation { turnOffCalendarFeed { active } }`,
    variables: () => ({}),
    allowed: MEMBERS,
  },
  {
    operation: 'submitSelfAssessment',
    query: `mutation($c: ID!) { submitSelfAssessment(input: { cohortId: $c, phase: BEFORE, answers: [{ questionId: "00000000-0000-4000-8000-000000000000", value: 3 }] }) { answeredAt } }`,
    variables: (w) => ({ c: w.cohort }),
    // The cohort's participants only (who get BAD_USER_INPUT here: no window is open).
    allowed: ['participant', 'peer'],
  },
  {
    operation: 'setSelfAssessmentQuestions',
    query: `mutation($org: ID!) { setSelfAssessmentQuestions(input: { organisationId: $org, questions: [{ theme: OTHER, textSv: "Jag planerar skrivandet med kollegor.", textEn: "I plan writing with colleagues." }] }) { id } }`,
    variables: (w) => ({ org: w.organisation }),
    allowed: ['admin'],
  },
  {
    operation: 'setSchoolHolidays',
    query: `mutation($org: ID!) { setSchoolHolidays(input: { organisationId: $org, schoolYear: "2026/27", holidays: [{ name: "Jullov", startsOn: "2026-12-19", endsOn: "2027-01-06" }] }) { isDefault } }`,
    variables: (w) => ({ org: w.organisation }),
    // The organisation's administrators only.
    allowed: ['admin'],
    writes: ['school_holiday'],
  },
  {
    operation: 'setRetentionSchedule',
    query: `mutation($org: ID!) { setRetentionSchedule(input: { organisationId: $org, rules: [{ kind: MAIL_LOG, months: 24 }] }) { rules { kind months } } }`,
    variables: (w) => ({ org: w.organisation }),
    allowed: ['admin'],
    writes: ['retention_rule'],
  },
  {
    operation: 'setDigestMode',
    query: `mutation { setDigestMode(daily: true) { digestDaily } }`,
    variables: () => ({}),
    allowed: MEMBERS,
  },
  {
    operation: 'setNotificationPreference',
    query: `mutation { setNotificationPreference(kind: NUDGE, enabled: false) { digestDaily } }`,
    variables: () => ({}),
    allowed: MEMBERS,
  },
  {
    operation: 'setParticipantSameSchool',
    query: `mutation($c: ID!, $p: ID!) { setParticipantSameSchool(cohortId: $c, personId: $p, wantsSameSchool: true) { wantsSameSchool } }`,
    variables: (w) => ({ c: w.cohort, p: w.people.sara }),
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'setPassword',
    query: `mutation($p: ID!) { setPassword(personId: $p, password: "ett helt nytt lösenord 2026") }`,
    variables: (w) => ({ p: w.people.spare }),
    allowed: ['admin'],
  },
  {
    operation: 'setProtectedIdentity',
    query: `mutation($p: ID!) { setProtectedIdentity(personId: $p, protected: false) { id } }`,
    variables: (w) => ({ p: w.people.spare }),
    // Administrators of the person's organisation only (ADR 0031).
    allowed: ['admin'],
  },
  {
    operation: 'swapReviewer',
    query: `mutation($a: ID!, $r: ID!) { swapReviewer(assignmentId: $a, newReviewerId: $r) { id } }`,
    variables: (w, actor) => ({ a: own(w.swappable, actor), r: own(w.swapTo, actor) }),
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'updateAnalysisRound',
    query: `mutation($id: ID!) { updateAnalysisRound(id: $id, input: { title: "Analys 5 (ny titel)" }) { id } }`,
    variables: (w) => ({ id: w.laterRound }),
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'updateCertification',
    query: `mutation($id: ID!) { updateCertification(id: $id, input: { reference: "STL-2025-0142-B" }) { id } }`,
    variables: (w) => ({ id: w.mariaCertification }),
    allowed: ['admin'],
  },
  {
    operation: 'updateCohort',
    query: `mutation($id: ID!) { updateCohort(id: $id, input: { feedbackMinLength: 60 }) { id } }`,
    variables: (w) => ({ id: w.cohort }),
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'updateCohort',
    case: 'required feedback qualities (ADR 0035)',
    query: `mutation($id: ID!) { updateCohort(id: $id, input: { requiredFeedbackQualities: [] }) { id } }`,
    variables: (w) => ({ id: w.cohort }),
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'updateCohortReminderSettings',
    query: `mutation($c: ID!) { updateCohortReminderSettings(cohortId: $c, input: { feedbackDueSoonHours: 24 }) { cohortId } }`,
    variables: (w) => ({ c: w.cohort }),
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'updateMeeting',
    query: `mutation($id: ID!) { updateMeeting(id: $id, input: { theme: "Ny inriktning" }) { id } }`,
    variables: (w) => ({ id: w.lastMeeting }),
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'updateOrganisation',
    query: `mutation($id: ID!) { updateOrganisation(id: $id, input: { name: "Lärkby kommun" }) { id } }`,
    variables: (w) => ({ id: w.organisation }),
    allowed: ['admin'],
  },
  {
    operation: 'updatePerson',
    case: "Sara's own name",
    query: `mutation($id: ID!) { updatePerson(id: $id, input: { fullName: "Sara Lindqvist" }) { id } }`,
    variables: (w) => ({ id: w.people.sara }),
    allowed: ['participant', 'admin'],
  },
  {
    operation: 'updatePerson',
    case: 'home school: administrators only, also for oneself',
    query: `mutation($id: ID!, $s: ID) { updatePerson(id: $id, input: { schoolId: $s }) { id } }`,
    variables: (w) => ({ id: w.people.sara, s: w.school }),
    allowed: ['admin'],
  },
  {
    operation: 'updatePerson',
    case: 'deactivating: administrators only, also for oneself',
    query: `mutation($id: ID!) { updatePerson(id: $id, input: { active: true }) { id } }`,
    variables: (w) => ({ id: w.people.sara }),
    allowed: ['admin'],
  },
  {
    operation: 'updateSchool',
    query: `mutation($id: ID!) { updateSchool(id: $id, input: { unitCode: "12345678" }) { id } }`,
    variables: (w) => ({ id: w.school }),
    allowed: ['admin'],
  },
  {
    operation: 'withdrawParticipant',
    query: `mutation($c: ID!, $p: ID!) { withdrawParticipant(cohortId: $c, personId: $p) { leftAt } }`,
    variables: (w) => ({ c: w.cohort, p: w.people.leaving }),
    allowed: COHORT_MANAGERS,
  },
  // From here on entries change what earlier ones rely on: keep them last.
  {
    operation: 'removeCohortLeader',
    query: `mutation($c: ID!, $p: ID!) { removeCohortLeader(cohortId: $c, personId: $p) { id } }`,
    variables: (w) => ({ c: w.cohort, p: w.people.johan }),
    allowed: ['admin'],
  },
  {
    operation: 'revokeCertification',
    query: `mutation($id: ID!) { revokeCertification(id: $id) { id } }`,
    variables: (w) => ({ id: w.johanCertification }),
    allowed: ['admin'],
  },
  {
    operation: 'archiveCohort',
    query: `mutation($id: ID!) { archiveCohort(id: $id) { status } }`,
    variables: (w) => ({ id: w.otherCohort }),
    allowed: OTHER_COHORT_MANAGERS,
  },
  {
    operation: 'signIn',
    case: 'with an unknown e-mail address',
    query: `mutation($e: String!) { signIn(input: { email: $e, password: "not-the-password" }) { email } }`,
    // An address nobody has: wrong passwords on a real account would lock it (ten attempts).
    variables: () => ({ e: 'nobody@larkby.example' }),
    allowed: ALL,
    freshSession: true,
  },
  {
    operation: 'signInWithLink',
    query: `mutation($t: String!) { signInWithLink(token: $t) { email } }`,
    // Public: anyone holding a working link (each actor its own).
    variables: (w, actor) => ({ t: w.links.signIn[actor] }),
    allowed: ALL,
    freshSession: true,
  },
  {
    operation: 'signInWithLink',
    case: 'with a forged link',
    query: `mutation($t: String!) { signInWithLink(token: $t) { email } }`,
    variables: (w) => ({ t: w.forgedLink }),
    allowed: [],
    refusal: 'LINK_INVALID',
    freshSession: true,
  },
  {
    operation: 'requestPasswordReset',
    // Each actor asks for its own address (anonymous for one nobody has): three per e-mail are allowed.
    query: `mutation($e: String!) { requestPasswordReset(input: { email: $e }) }`,
    variables: (w, actor) => ({ e: actor === 'anonymous' ? 'ingen.alls@larkby.example' : w.emails[actor] }),
    allowed: ALL,
    answer: true,
    // A link and its mail for the members; nothing for the operator (no organisation) or nobody.
    writes: ['account_token', 'outbox_message'],
  },
  {
    operation: 'requestSignInLink',
    // Shares the limits with requestPasswordReset: two requests per e-mail (limit 3) and 24 from
    // the test's one address (limit 30) in all.
    query: `mutation($e: String!) { requestSignInLink(input: { email: $e }) }`,
    variables: (w, actor) => ({ e: actor === 'anonymous' ? 'ingen.alls@larkby.example' : w.emails[actor] }),
    allowed: ALL,
    answer: true,
    writes: ['account_token', 'outbox_message'],
  },
  {
    operation: 'reportAccessibilityProblem',
    // Public: signed in to one's own organisation, signed out (and the operator) to Lärkby's.
    query: `mutation { reportAccessibilityProblem(input: { organisationSlug: "larkby", description: "Knappen går inte att nå med tangentbordet." }) { answerable } }`,
    variables: () => ({}),
    allowed: ALL,
    answer: { answerable: false },
    writes: ['outbox_message'],
  },
  {
    operation: 'setAccessibilityContact',
    query: `mutation($org: ID!) { setAccessibilityContact(input: { organisationId: $org, email: null }) { recipients } }`,
    variables: (w) => ({ org: w.organisation }),
    allowed: ['admin'],
  },
  {
    operation: 'issueCertificates',
    query: `mutation($id: ID!) { issueCertificates(input: { cohortId: $id }) { id } }`,
    variables: (w) => ({ id: w.cohort }),
    // Allowed actors get CONFLICT: the cohort is open, not completed.
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'revokeCertificate',
    query: `mutation($id: ID!) { revokeCertificate(certificateId: $id) { id } }`,
    variables: (w) => ({ id: w.certificate }),
    // Allowed actors get CONFLICT: the cohort is open, not completed.
    allowed: COHORT_MANAGERS,
  },
  {
    operation: 'savePortfolioReflection',
    query: `mutation($id: ID!) { savePortfolioReflection(cohortId: $id, body: "Mitt år med STL.") { reflection } }`,
    variables: (w) => ({ id: w.cohort }),
    allowed: ['participant', 'peer'],
    writes: ['portfolio_reflection'],
  },
  {
    operation: 'erasePerson',
    // Sven Extra, whom nothing after this entry needs; near the end, as it ends his sessions.
    query: `mutation($p: ID!) { erasePerson(input: { personId: $p, confirmation: "Sven Extra" }) { personId } }`,
    variables: (w) => ({ p: w.people.spare }),
    // The organisation's administrators only (ADR 0030).
    allowed: ['admin'],
  },
  {
    operation: 'endMySession',
    query: `mutation($id: ID!) { endMySession(id: $id) }`,
    variables: (w) => ({ id: w.saraOtherSession }),
    allowed: ['participant'],
  },
  {
    operation: 'signOut',
    query: `mutation { signOut }`,
    variables: () => ({}),
    // Anonymous callers get false.
    allowed: ALL,
    freshSession: true,
  },
  {
    operation: 'signOutEverywhere',
    query: `mutation { signOutEverywhere }`,
    variables: () => ({}),
    allowed: MEMBERS,
    freshSession: true,
  },
];

/**
 * Fields that only some of those who may read their object may see (the schema descriptions that
 * say "only …"). For each actor in `readers` (who get the query's data at all; the others are
 * covered by the entry of the query above), the field is shown exactly to the actors in `allowed`:
 * the others get it empty or null, or a typed refusal, never its content.
 */
export interface FieldRule {
  /** Type.field as in the schema. */
  field: string;
  case: string;
  query: string;
  variables: (w: World) => Record<string, unknown>;
  readers: readonly Actor[];
  allowed: readonly Actor[];
  /** Whether the answer shows what only `allowed` may see. */
  shown: (data: any, w: World) => boolean;
}

const MAY_SEE_SARA: readonly Actor[] = [
  'participant',
  'schoolLeader',
  'courseLeader',
  'otherCourseLeader',
  'admin',
];
const MAY_LIST_PEOPLE: readonly Actor[] = [
  'schoolLeader',
  'otherSchoolLeader',
  'courseLeader',
  'otherCourseLeader',
  'admin',
];
const MAY_READ_ANALYSIS: readonly Actor[] = ['participant', 'peer', 'courseLeader', 'admin'];

export const FIELD_RULES: FieldRule[] = [
  {
    field: 'Person.protectedIdentity',
    case: 'the protected-identity mark: administrators only (ADR 0031)',
    query: `query($id: ID!) { person(id: $id) { protectedIdentity } }`,
    variables: (w) => ({ id: w.people.sara }),
    readers: MAY_SEE_SARA,
    allowed: ['admin'],
    shown: (d) => d.person.protectedIdentity !== null,
  },
  {
    field: 'Person.pseudonym',
    case: 'a pseudonym kept after the mark was cleared: administrators only (ADR 0031)',
    query: `query($id: ID!) { person(id: $id) { pseudonym } }`,
    variables: (w) => ({ id: w.people.sara }),
    readers: MAY_SEE_SARA,
    allowed: ['admin'],
    shown: (d) => d.person.pseudonym !== null,
  },
  {
    field: 'Person.email',
    case: "Sara's address: herself, administrators and course leaders",
    query: `query($id: ID!) { person(id: $id) { email } }`,
    variables: (w) => ({ id: w.people.sara }),
    readers: MAY_SEE_SARA,
    allowed: ['participant', 'courseLeader', 'otherCourseLeader', 'admin'],
    shown: (d) => d.person.email !== null,
  },
  {
    field: 'Person.email',
    case: "other participants' addresses in the cohort's participant list",
    query: `query($id: ID!) { cohort(id: $id) { participants(first: 100) { nodes { person { id email } } } } }`,
    variables: (w) => ({ id: w.cohort }),
    readers: COHORT_READERS,
    allowed: COHORT_MANAGERS,
    // More than one address: one's own is always shown.
    shown: (d) => d.cohort.participants.nodes.filter((n: any) => n.person.email !== null).length > 1,
  },
  {
    field: 'PeopleFilterInput.search',
    case: 'matching on e-mail addresses: only for those who may read them',
    query: `query($org: ID!) { people(organisationId: $org, filter: { search: "sara.lindqvist@" }) { totalCount } }`,
    variables: (w) => ({ org: w.organisation }),
    readers: MAY_LIST_PEOPLE,
    allowed: ['courseLeader', 'otherCourseLeader', 'admin'],
    shown: (d) => d.people.totalCount > 0,
  },
  {
    field: 'Person.certifications',
    case: "Maria's certifications: herself and administrators",
    query: `query($id: ID!) { person(id: $id) { certifications { id } } }`,
    variables: (w) => ({ id: w.people.maria }),
    readers: ['schoolLeader', 'courseLeader', 'otherCourseLeader', 'admin'],
    allowed: ['courseLeader', 'admin'],
    shown: (d) => d.person.certifications !== null,
  },
  {
    field: 'Analysis.draft',
    case: 'the working copy: its author only',
    query: `query($id: ID!) { analysis(id: $id) { draft { revision } } }`,
    variables: (w) => ({ id: w.saraAnalysis }),
    readers: MAY_READ_ANALYSIS,
    allowed: ['participant'],
    shown: (d) => d.analysis.draft !== null,
  },
  {
    field: 'Feedback.comments',
    case: "leader notes: the cohort's leaders and the feedback's author only",
    query: `query($id: ID!) { feedback(id: $id) { comments { kind body } } }`,
    variables: (w) => ({ id: w.feedback }),
    readers: MAY_READ_ANALYSIS,
    // The description says the cohort's leaders; administrators, who run every cohort, see them too.
    allowed: ['peer', 'courseLeader', 'admin'],
    shown: (d) => d.feedback.comments.some((c: any) => c.kind === 'LEADER_NOTE'),
  },
  {
    field: 'Analysis.feedback',
    case: 'leader notes through the analysis',
    query: `query($id: ID!) { analysis(id: $id) { feedback { comments { kind } } } }`,
    variables: (w) => ({ id: w.saraAnalysis }),
    readers: MAY_READ_ANALYSIS,
    // The description says the cohort's leaders; administrators, who run every cohort, see them too.
    allowed: ['peer', 'courseLeader', 'admin'],
    shown: (d) => d.analysis.feedback.some((f: any) => f.comments.some((c: any) => c.kind === 'LEADER_NOTE')),
  },
  {
    field: 'Cohort.openingProblems',
    case: "the cohort's managers only",
    query: `query($id: ID!) { cohort(id: $id) { openingProblems { code } } }`,
    variables: (w) => ({ id: w.cohort }),
    readers: COHORT_READERS,
    allowed: COHORT_MANAGERS,
    shown: (d) => d.cohort.openingProblems !== null,
  },
  {
    field: 'Cohort.participants',
    case: "school leaders see only their own schools' participants",
    query: `query($id: ID!) { cohort(id: $id) { participants(first: 100) { nodes { schoolId } } } }`,
    variables: (w) => ({ id: w.cohort }),
    readers: COHORT_READERS,
    allowed: ['participant', 'peer', ...COHORT_MANAGERS],
    shown: (d) => new Set(d.cohort.participants.nodes.map((n: any) => n.schoolId)).size > 1,
  },
  {
    field: 'Meeting.attendance',
    case: "Sara's attendance: herself, her school leader, leaders and administrators",
    query: `query($id: ID!) { meeting(id: $id) { attendance { personId } } }`,
    variables: (w) => ({ id: w.meeting }),
    readers: COHORT_READERS,
    allowed: ['participant', 'schoolLeader', ...COHORT_MANAGERS],
    shown: (d, w) => d.meeting.attendance.some((a: any) => a.personId === w.people.sara),
  },
  {
    field: 'AnalysisRound.assignments',
    case: 'course leaders (and administrators) only',
    query: `query($id: ID!) { analysisRound(id: $id) { assignments { id } } }`,
    variables: (w) => ({ id: w.round }),
    readers: COHORT_READERS,
    allowed: COHORT_MANAGERS,
    shown: (d) => d.analysisRound.assignments.length > 0,
  },
  {
    field: 'AnalysisRound.allocation',
    case: 'members of the cohort',
    query: `query($id: ID!) { analysisRound(id: $id) { allocation { seed } } }`,
    variables: (w) => ({ id: w.round }),
    readers: COHORT_READERS,
    allowed: ['participant', 'peer', ...COHORT_MANAGERS],
    shown: (d) => d.analysisRound.allocation !== null,
  },
  {
    field: 'Query.cohortProgress',
    case: "Sara's progress: her own school leader, leaders and administrators",
    query: `query($id: ID!) { cohortProgress(cohortId: $id, first: 100) { nodes { person { id } } } }`,
    variables: (w) => ({ id: w.cohort }),
    readers: ['schoolLeader', 'otherSchoolLeader', ...COHORT_MANAGERS],
    allowed: ['schoolLeader', ...COHORT_MANAGERS],
    shown: (d, w) => d.cohortProgress.nodes.some((n: any) => n.person.id === w.people.sara),
  },
  {
    field: 'Query.sharedSpace',
    case: "Sara's unpublished draft: nobody",
    query: `query($id: ID!) { sharedSpace(cohortId: $id, first: 100) { nodes { id } } }`,
    variables: (w) => ({ id: w.cohort }),
    readers: ['participant', 'peer', ...COHORT_MANAGERS],
    allowed: [],
    shown: (d, w) => d.sharedSpace.nodes.some((n: any) => n.id === w.saraDraft),
  },
];

/**
 * Plain HTTP routes that answer with personal data (downloads, issue 19): who may fetch each with
 * their session cookie. The allowed actors get 200; everyone else a typed JSON refusal (401, 403
 * or 404). Each download mirrors a query above and must allow exactly the same actors.
 */
export interface HttpRouteEntry {
  path: (w: World) => string;
  /** The query whose rule the route follows; none for a download with a rule of its own. */
  mirrors?: string;
  allowed: readonly Actor[];
}

const FOLLOW_UP_READERS: readonly Actor[] = ['schoolLeader', 'otherSchoolLeader', ...COHORT_MANAGERS];

export const HTTP_ROUTES: HttpRouteEntry[] = [
  ...['progress.xlsx', 'progress.csv', 'attendance.xlsx', 'attendance.csv'].map((file) => ({
    path: (w: World) => `/export/cohorts/${w.cohort}/${file}`,
    mirrors: 'cohortProgress',
    allowed: FOLLOW_UP_READERS,
  })),
  // The organisation's follow-up (issue 14, ADR 0033), as the organisationDashboard query.
  ...['follow-up.xlsx', 'follow-up.csv'].map((file) => ({
    path: (w: World) => `/export/organisations/${w.organisation}/${file}`,
    mirrors: 'organisationDashboard',
    allowed: ['courseLeader', 'otherCourseLeader', 'admin'] as const,
  })),
  // The audit log's download (ADR 0029), with the screen's filters.
  ...['audit.xlsx', 'audit.csv?kind=SIGN_IN'].map((file) => ({
    path: (w: World) => `/export/organisations/${w.organisation}/${file}`,
    mirrors: 'auditEvents',
    allowed: ['admin'] as const,
  })),
  // A person's access export (ADR 0030): their own, by anyone signed in to an organisation …
  ...['json', 'html', 'zip'].map((format) => ({
    path: () => `/export/me/data.${format}`,
    allowed: MEMBERS,
  })),
  // … and Sara's, by herself and her organisation's administrators.
  ...['json', 'html', 'zip'].map((format) => ({
    path: (w: World) => `/export/people/${w.people.sara}/data.${format}`,
    allowed: ['participant', 'admin'] as const,
  })), // Sara's certificate of completion: herself, the cohort's course leaders and administrators (ADR 0032).
  {
    path: (w: World) => `/export/certificates/${w.certificate}.pdf`,
    allowed: ['participant', ...COHORT_MANAGERS] as const,
  },
  // The teacher's own portfolio: each participant their own.
  {
    path: (w: World) => `/export/portfolio/${w.cohort}.pdf`,
    allowed: ['participant', 'peer'] as const,
  },
];
