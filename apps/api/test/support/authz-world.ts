import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  AccountTokenPurpose,
  CohortEntity,
  CohortMembershipEntity,
  CohortRole,
  CohortStatus,
  DEMO_IDS,
  DEMO_OPERATOR_EMAIL,
  OutboxMessageEntity,
  OutboxStatus,
} from '@stl/api/data-access-db';
import { AccountTokenService } from '@stl/api/feature-account';
import { accountLinkToken } from '@stl/api/feature-notification';
import { DEV_MAIL_LINK_SECRET } from '@stl/api/util-config';
import { createOtherOrganisation } from '../organisation.fixtures';
import { GqlClient } from './gql-client';
import { answers } from './analysis-fixtures';
import { COMMENT_ON_PASSAGE, passageIn } from './passage-fixtures';
import type { PassageAnchor } from './passage-fixtures';
import { DEFAULT_TEMPLATE_SECTIONS } from '@stl/api/data-access-db';
import { publishDirectly } from './publish-directly';
import { APPLY, GIVE, feedbackInput, liveAssignments } from './review-fixtures';
import type { TestApi } from './test-api';

/**
 * The kinds of caller the authorisation matrix tries every operation as (issue 11). Each is a
 * real signed-in account of the world below, except `anonymous`.
 */
export const ACTORS = [
  /** Sara Lindqvist: participant of the cohort, author of the analysis every test aims at. */
  'participant',
  /** Another participant of the cohort: the critical friend who gave Sara feedback. */
  'peer',
  /** A teacher of Lärkby (Sara's school) who is not enrolled in any cohort. */
  'teacher',
  /** School leader of Sara's school (Ekbackeskolan). */
  'schoolLeader',
  /** School leader of another school with participants in the cohort (Solviksskolan). */
  'otherSchoolLeader',
  /** Maria Berg: course leader of the cohort. */
  'courseLeader',
  /** Karin Sjö: course leader of another cohort of Lärkby (in planning), not of this one. */
  'otherCourseLeader',
  /** Åsa Lind: administrator of Lärkby. */
  'admin',
  /** Administrator of another organisation (Norrby). */
  'otherAdmin',
  /** Teacher of another organisation (Norrby). */
  'otherTeacher',
  /**
   * The demo platform operator (ADR 0015): no organisation, person.platform_operator. May run the
   * platform (organisations, their first administrators), never anything of an organisation.
   */
  'operator',
  'anonymous',
] as const;
export type Actor = (typeof ACTORS)[number];

/** Everyone signed in, the platform operator included. */
export const SIGNED_IN: readonly Actor[] = ACTORS.filter((a) => a !== 'anonymous');
/** Everyone signed in as a member of an organisation: not the platform operator, who has none. */
export const MEMBERS: readonly Actor[] = SIGNED_IN.filter((a) => a !== 'operator');
/** Everyone signed in to Lärkby, the organisation the objects belong to. */
export const LARKBY_PEOPLE: readonly Actor[] = MEMBERS.filter(
  (a) => a !== 'otherAdmin' && a !== 'otherTeacher',
);
/** Who relates to the cohort: its participants, leaders, administrators and the school leaders of its participants. */
export const COHORT_READERS: readonly Actor[] = [
  'participant',
  'peer',
  'schoolLeader',
  'otherSchoolLeader',
  'courseLeader',
  'admin',
];
/** Who runs the cohort: its course leaders and the organisation's administrators. */
export const COHORT_MANAGERS: readonly Actor[] = ['courseLeader', 'admin'];
/** Who runs the other (planning) cohort. */
export const OTHER_COHORT_MANAGERS: readonly Actor[] = ['otherCourseLeader', 'admin'];

/** The real objects every matrix entry is aimed at. */
export interface World {
  organisation: string;
  otherOrganisation: string;
  school: string;
  cohort: string;
  /** Karin's cohort, in planning, without participants. */
  otherCohort: string;
  /** Round 1: published by everyone, allocated, with feedback. */
  round: string;
  /** Round 2: Sara has a complete draft; nothing published, nothing allocated. */
  draftRound: string;
  /** Round 3: published by six participants (not Sara or the peer), not yet allocated. */
  unallocatedRound: string;
  /** A round of the cohort nobody has written in (round 6), and another (round 5). */
  emptyRound: string;
  laterRound: string;
  meeting: string;
  /** The last meeting of the cohort (no attendance). */
  lastMeeting: string;
  /** Extra meetings and rounds of the cohort, one each for the course leader and the administrator to delete. */
  deletable: { meetings: [string, string]; rounds: [string, string] };
  template: string;
  templateVersion: string;
  people: {
    sara: string;
    peer: string;
    maria: string;
    johan: string;
    karin: string;
    admin: string;
    teacher: string;
    /** A teacher of Lärkby not enrolled, for enrolParticipants. */
    spare: string;
    /** A participant enrolled for withdrawParticipant. */
    leaving: string;
    otherTeacher: string;
  };
  emails: Record<Exclude<Actor, 'anonymous'>, string>;
  saraAnalysis: string;
  /** Sara's round-2 draft and its revision. */
  saraDraft: string;
  saraDraftRevision: number;
  /** A snapshot in the history of Sara's round-2 draft (ADR 0028). */
  saraDraftSnapshot: string;
  /** A file attached to Sara's round-2 draft. */
  saraDraftAttachment: string;
  /** The peer's feedback on Sara's analysis, with Sara's reply and Maria's leader note. */
  feedback: string;
  /** Sara's own open critical-friend task. */
  saraTask: string;
  /** A passage of Sara's published analysis, and comments on it by the peer and by Maria. */
  saraPassage: PassageAnchor;
  passageComments: { peer: string; courseLeader: string };
  /**
   * Per allowed actor (course leader, administrator): an open peer assignment not touching Sara or
   * the peer to remove; one to give to `swapTo`; a participant to add as reviewer of Sara's analysis.
   */
  removable: [string, string];
  swappable: [string, string];
  swapTo: [string, string];
  freeReviewers: [string, string];
  mariaCertification: string;
  johanCertification: string;
  failedMail: string;
  /** Two UNCONFIRMED mails (issue 16): one to resend, one to mark delivered. */
  unconfirmedMail: { resend: string; markDelivered: string };
  /** A Lärkby teacher without a password, never invited: for invitePerson, then resendInvitation. */
  toInvite: string;
  /** The first administrator of an organisation the operator created, invited but not accepted. */
  invitedAdmin: string;
  /**
   * Working single-use links (ADR 0013), one per actor so each may use its own: an invitation of a
   * person without a password, a password reset and a sign-in link of people with one. `preview`
   * is one more invitation, only ever previewed.
   */
  links: {
    invitation: Record<Actor, string>;
    reset: Record<Actor, string>;
    signIn: Record<Actor, string>;
    preview: string;
  };
  /** A well-formed link token the server never issued (signed with another secret). */
  forgedLink: string;
  /** A second session of Sara's, which only she may end. */
  saraOtherSession: string;
  /** A certificate of completion of Sara's in the cohort (issue 14), written directly: the cohort is open. */
  certificate: string;
}

const larkby = (local: string) => `${local}@larkby.example`;

async function addPerson(
  db: DataSource,
  organisationId: string,
  email: string,
  fullName: string,
  schoolId: string | null,
  role: string,
): Promise<string> {
  const [p] = await db.query(
    `INSERT INTO person (organisation_id, email, full_name, school_id, password_hash)
     SELECT $1, $2, $3, $4, password_hash FROM person WHERE id = $5 RETURNING id`,
    [organisationId, email, fullName, schoolId, DEMO_IDS.person(1)],
  );
  await db.query(`INSERT INTO role_grant (person_id, role, organisation_id) VALUES ($1, $2, $3)`, [
    p.id,
    role,
    organisationId,
  ]);
  return p.id as string;
}

/**
 * Builds the world on the seeded demo organisation: round 1 published by all 24 participants and
 * allocated, feedback on Sara's analysis with a reply and a leader note, Sara's round-2 draft,
 * attendance at meeting 1, a failed mail, Karin's planning cohort, extra Lärkby teachers and a
 * second organisation with its administrator and teacher.
 */
export async function buildWorld(api: TestApi): Promise<World> {
  const db = api.db;
  const cohort = DEMO_IDS.cohort;
  const round = DEMO_IDS.round(1);
  const ekbacke = DEMO_IDS.school(1);
  const sara = DEMO_IDS.person(100);
  const norrby = await createOtherOrganisation(db);

  const teacher = await addPerson(
    db,
    DEMO_IDS.organisation,
    larkby('tilda.ny'),
    'Tilda Ny',
    ekbacke,
    'TEACHER',
  );
  const spare = await addPerson(
    db,
    DEMO_IDS.organisation,
    larkby('sven.extra'),
    'Sven Extra',
    ekbacke,
    'TEACHER',
  );
  const leaving = await addPerson(
    db,
    DEMO_IDS.organisation,
    larkby('lea.gar'),
    'Lea Går',
    ekbacke,
    'TEACHER',
  );
  await db.getRepository(CohortMembershipEntity).insert({
    cohortId: cohort,
    personId: leaving,
    role: CohortRole.PARTICIPANT,
    schoolId: ekbacke,
  });

  const other = await db.getRepository(CohortEntity).save({
    organisationId: DEMO_IDS.organisation,
    name: 'STL Lärkby 2027/28',
    schoolYear: '2027/28',
    startsOn: '2027-08-16',
    endsOn: '2028-06-09',
    status: CohortStatus.PLANNING,
  });
  await db.getRepository(CohortMembershipEntity).insert({
    cohortId: other.id,
    personId: DEMO_IDS.person(4),
    role: CohortRole.LEADER,
    schoolId: null,
  });

  // Round 1: everyone published, allocated by Maria.
  const participants: { id: string; email: string; school_id: string }[] = await db.query(
    `SELECT p.id, p.email, m.school_id FROM cohort_membership m JOIN person p ON p.id = m.person_id
      WHERE m.cohort_id = $1 AND m.role = 'PARTICIPANT' AND p.id <> $2 ORDER BY p.id`,
    [cohort, leaving],
  );
  const published = await publishDirectly(
    db,
    round,
    participants.map((p) => p.id),
  );
  const saraAnalysis = published.get(sara) as string;
  const maria = new GqlClient(api.url);
  await maria.signIn(larkby('maria.berg'));
  await maria.ok(APPLY, { roundId: round });
  const live = await liveAssignments(db, round);
  const peerTask = live.find((a) => a.kind === 'PEER' && a.analysis_id === saraAnalysis);
  if (!peerTask) throw new Error('The allocation gave Sara no critical friend');
  const peer = participants.find((p) => p.id === peerTask.reviewer_id) as (typeof participants)[number];
  const peerClient = new GqlClient(api.url);
  await peerClient.signIn(peer.email);
  const { giveFeedback } = await peerClient.ok(GIVE, {
    assignmentId: peerTask.id,
    input: feedbackInput('Kritisk vän'),
  });
  const feedback = giveFeedback.id as string;
  const saraClient = new GqlClient(api.url);
  await saraClient.signIn(larkby('sara.lindqvist'));
  await saraClient.ok(
    `mutation($f: ID!) { replyToFeedback(feedbackId: $f, body: "Tack, det tar jag med mig.") { id } }`,
    { f: feedback },
  );
  await maria.ok(
    `mutation($f: ID!) { commentOnFeedback(feedbackId: $f, body: "Bra frågor; gärna mer om nästa steg.") { id } }`,
    { f: feedback },
  );
  const saraPassage = await passageIn(db, saraAnalysis, 1, DEFAULT_TEMPLATE_SECTIONS[0].key, 'anonymiserad');
  const passageComments = {
    peer: (await peerClient.ok(COMMENT_ON_PASSAGE, { input: { ...saraPassage, body: 'Vad menar du här?' } }))
      .commentOnPassage.id as string,
    courseLeader: (await maria.ok(COMMENT_ON_PASSAGE, { input: { ...saraPassage, body: 'Utveckla gärna.' } }))
      .commentOnPassage.id as string,
  };
  const saraTask = live.find((a) => a.kind === 'PEER' && a.reviewer_id === sara);
  if (!saraTask) throw new Error('The allocation gave Sara no task');
  const involved = new Set([sara, peer.id]);
  const untouched = live.filter(
    (a) =>
      a.kind === 'PEER' &&
      !a.completed_at &&
      !involved.has(a.reviewer_id) &&
      !involved.has(a.author_id) &&
      a.analysis_id !== saraAnalysis,
  );
  // Four open assignments on four different analyses.
  const picked: typeof untouched = [];
  for (const a of untouched) if (!picked.some((p) => p.analysis_id === a.analysis_id)) picked.push(a);
  if (picked.length < 4) throw new Error('Too few open assignments');
  const onAnalysis = (id: string) =>
    new Set(live.filter((a) => a.analysis_id === id).map((a) => a.reviewer_id));
  const onSara = onAnalysis(saraAnalysis);
  const free = participants.filter((p) => p.id !== sara && !onSara.has(p.id)).map((p) => p.id);
  const swapTo = [picked[2], picked[3]].map((a) => {
    const on = onAnalysis(a.analysis_id);
    return participants.find((p) => p.id !== a.author_id && !on.has(p.id) && !involved.has(p.id))
      ?.id as string;
  }) as [string, string];

  // Sara's round-2 draft.
  const draftRound = DEMO_IDS.round(2);
  const { saveAnalysisDraft } = await saraClient.ok(
    `mutation($input: SaveAnalysisDraftInput!) { saveAnalysisDraft(input: $input) { id draft { revision } } }`,
    { input: { roundId: draftRound, expectedRevision: 0, answers: answers('Utkast') } },
  );
  // Saved again, so the draft has a history (ADR 0028): the first revision is kept as a snapshot.
  const { saveAnalysisDraft: resaved } = await saraClient.ok(
    `mutation($input: SaveAnalysisDraftInput!) { saveAnalysisDraft(input: $input) { id draft { revision } } }`,
    {
      input: {
        roundId: draftRound,
        expectedRevision: saveAnalysisDraft.draft.revision,
        answers: answers('Utkast, omskrivet'),
      },
    },
  );
  const [draftSnapshot] = await db.query(`SELECT id FROM analysis_draft_snapshot WHERE analysis_id = $1`, [
    saveAnalysisDraft.id,
  ]);
  // A file on Sara's draft (ADR 0024), for removeAttachment.
  const [draftAttachment] = await db.query(
    `INSERT INTO attachment (analysis_id, section_key, owner_id, original_name, content_type, size, sha256, storage)
     VALUES ($1, 'evidence', $2, 'elevtext.pdf', 'application/pdf', 4, repeat('0', 64), 'postgres') RETURNING id`,
    [saveAnalysisDraft.id, sara],
  );

  // Round 3: six participants published, from the end of the list.
  const unallocatedRound = DEMO_IDS.round(3);
  await publishDirectly(
    db,
    unallocatedRound,
    participants
      .filter((p) => !involved.has(p.id))
      .slice(-6)
      .map((p) => p.id),
  );

  // Attendance at meeting 1: Sara and a participant of Solviksskolan.
  const solvik = participants.find(
    (p) => p.school_id === DEMO_IDS.school(2),
  ) as (typeof participants)[number];
  await maria.ok(
    `mutation($m: ID!, $e: [AttendanceEntryInput!]!) { recordAttendance(meetingId: $m, entries: $e) { id } }`,
    {
      m: DEMO_IDS.meeting(1),
      e: [
        { personId: sara, status: 'PRESENT' },
        { personId: solvik.id, status: 'ABSENT' },
      ],
    },
  );

  const deletable: World['deletable'] = { meetings: ['', ''], rounds: ['', ''] };
  for (const i of [0, 1]) {
    const { createMeeting } = await maria.ok(
      `mutation($c: ID!, $input: CreateMeetingInput!) { createMeeting(cohortId: $c, input: $input) { id } }`,
      {
        c: cohort,
        input: {
          title: `Extraträff ${i + 1}`,
          mode: 'DIGITAL',
          videoUrl: 'https://meet.larkby.example/extra',
          startsAt: `2027-05-2${i}T11:00:00Z`,
          endsAt: `2027-05-2${i}T13:00:00Z`,
        },
      },
    );
    deletable.meetings[i] = createMeeting.id;
    const { createAnalysisRound } = await maria.ok(
      `mutation($c: ID!, $input: CreateAnalysisRoundInput!) { createAnalysisRound(cohortId: $c, input: $input) { id } }`,
      {
        c: cohort,
        input: {
          title: `Extraanalys ${i + 1}`,
          templateVersionId: DEMO_IDS.templateVersion,
          opensAt: `2027-05-0${i + 1}T08:00:00Z`,
          submissionDeadline: `2027-05-1${i + 1}T08:00:00Z`,
          feedbackDeadline: '2027-05-25T08:00:00Z',
        },
      },
    );
    deletable.rounds[i] = createAnalysisRound.id;
  }

  const mail = await db.getRepository(OutboxMessageEntity).save({
    idempotencyKey: 'authz-matrix-failed-mail',
    kind: 'NUDGE',
    organisationId: DEMO_IDS.organisation,
    recipientId: sara,
    toAddress: larkby('sara.lindqvist'),
    locale: 'sv',
    payload: {},
    refs: { cohortId: cohort },
    status: OutboxStatus.FAILED,
    attempts: 3,
    lastError: '550 mailbox unavailable',
  });

  const unconfirmed = (key: string) =>
    db.getRepository(OutboxMessageEntity).save({
      idempotencyKey: key,
      kind: 'NUDGE',
      organisationId: DEMO_IDS.organisation,
      recipientId: sara,
      toAddress: larkby('sara.lindqvist'),
      locale: 'sv',
      payload: {},
      refs: { cohortId: cohort },
      status: OutboxStatus.UNCONFIRMED,
      attempts: 1,
      lastError: 'Outcome unknown: the server received the whole message but did not confirm it.',
    });
  const unconfirmedMail = {
    resend: (await unconfirmed('authz-matrix-unconfirmed-resend')).id,
    markDelivered: (await unconfirmed('authz-matrix-unconfirmed-delivered')).id,
  };

  // One person per actor and kind of link, so every actor may use a working link of its own.
  const tokens = api.app.get(AccountTokenService);
  const linkFor = async (purpose: AccountTokenPurpose, personId: string) => {
    const [link] = await db.transaction((m) => tokens.issue(m, purpose, [personId], null));
    return accountLinkToken(link.tokenId, DEV_MAIL_LINK_SECRET);
  };
  const links = { invitation: {}, reset: {}, signIn: {} } as World['links'];
  for (const actor of ACTORS) {
    const invitee = await addPerson(
      db,
      DEMO_IDS.organisation,
      larkby(`inbjuden.${actor}`),
      `Inbjuden ${actor}`,
      ekbacke,
      'TEACHER',
    );
    await db.query(`UPDATE person SET password_hash = NULL WHERE id = $1`, [invitee]);
    links.invitation[actor] = await linkFor(AccountTokenPurpose.INVITATION, invitee);
    const resetter = await addPerson(
      db,
      DEMO_IDS.organisation,
      larkby(`glomsk.${actor}`),
      `Glömsk ${actor}`,
      ekbacke,
      'TEACHER',
    );
    links.reset[actor] = await linkFor(AccountTokenPurpose.PASSWORD_RESET, resetter);
    const linker = await addPerson(
      db,
      DEMO_IDS.organisation,
      larkby(`lank.${actor}`),
      `Länk ${actor}`,
      ekbacke,
      'TEACHER',
    );
    links.signIn[actor] = await linkFor(AccountTokenPurpose.SIGN_IN_LINK, linker);
  }
  const previewed = await addPerson(
    db,
    DEMO_IDS.organisation,
    larkby('titta.forst'),
    'Titta Först',
    ekbacke,
    'TEACHER',
  );
  await db.query(`UPDATE person SET password_hash = NULL WHERE id = $1`, [previewed]);
  links.preview = await linkFor(AccountTokenPurpose.INVITATION, previewed);
  const toInvite = await addPerson(
    db,
    DEMO_IDS.organisation,
    larkby('ny.inbjudan'),
    'Ny Inbjudan',
    ekbacke,
    'TEACHER',
  );
  await db.query(`UPDATE person SET password_hash = NULL WHERE id = $1`, [toInvite]);

  const operator = new GqlClient(api.url);
  await operator.signIn(DEMO_OPERATOR_EMAIL);
  const { createOrganisation } = await operator.ok(
    `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { administrators { personId } } }`,
    { input: { name: 'Östby kommun', adminName: 'Östen Ek', adminEmail: 'osten.ek@ostby.example' } },
  );

  const second2 = new GqlClient(api.url);
  await second2.signIn(larkby('sara.lindqvist'));
  const { mySessions } = await second2.ok(`{ mySessions { id current } }`);
  const saraOtherSession = (mySessions as { id: string; current: boolean }[]).find((s) => s.current)
    ?.id as string;

  // Sara was protected once and the mark was cleared (ADR 0031): she keeps a pseudonym, which only
  // administrators see, while everyone who saw her name still does.
  await db.query(`UPDATE person SET pseudonym = 'Deltagare TEST' WHERE id = $1`, [sara]);

  const [certificate] = await db.query(
    `INSERT INTO completion_certificate (code, person_id, cohort_id, issued_at, issued_by_id, meetings_attended, meetings_planned, analyses_completed)
     SELECT 'WRLDCERT2345', $1, $2, now(), p.id, 8, 8, 6 FROM person p WHERE p.email = $3 RETURNING id`,
    [sara, cohort, larkby('maria.berg')],
  );

  return {
    organisation: DEMO_IDS.organisation,
    otherOrganisation: norrby.organisation,
    school: ekbacke,
    cohort,
    otherCohort: other.id,
    round,
    draftRound,
    unallocatedRound,
    emptyRound: DEMO_IDS.round(6),
    laterRound: DEMO_IDS.round(5),
    meeting: DEMO_IDS.meeting(1),
    lastMeeting: DEMO_IDS.meeting(8),
    deletable,
    template: DEMO_IDS.template,
    templateVersion: DEMO_IDS.templateVersion,
    people: {
      sara,
      peer: peer.id,
      maria: DEMO_IDS.person(2),
      johan: DEMO_IDS.person(3),
      karin: DEMO_IDS.person(4),
      admin: DEMO_IDS.person(1),
      teacher,
      spare,
      leaving,
      otherTeacher: norrby.teacher,
    },
    emails: {
      participant: larkby('sara.lindqvist'),
      peer: peer.email,
      teacher: larkby('tilda.ny'),
      schoolLeader: larkby('rektor.ekbacke'),
      otherSchoolLeader: larkby('rektor.solvik'),
      courseLeader: larkby('maria.berg'),
      otherCourseLeader: larkby('karin.sjo'),
      admin: larkby('admin'),
      otherAdmin: norrby.adminEmail,
      otherTeacher: 'larare@norrby.example',
      operator: DEMO_OPERATOR_EMAIL,
    },
    saraAnalysis,
    saraDraft: saveAnalysisDraft.id,
    saraDraftRevision: resaved.draft.revision,
    saraDraftSnapshot: draftSnapshot.id,
    saraDraftAttachment: draftAttachment.id,
    feedback,
    saraTask: saraTask.id,
    saraPassage,
    passageComments,
    removable: [picked[0].id, picked[1].id],
    swappable: [picked[2].id, picked[3].id],
    swapTo,
    freeReviewers: [free[0], free[1]],
    mariaCertification: DEMO_IDS.certification(2),
    johanCertification: DEMO_IDS.certification(3),
    failedMail: mail.id,
    unconfirmedMail,
    toInvite,
    invitedAdmin: createOrganisation.administrators[0].personId,
    links,
    forgedLink: accountLinkToken(randomUUID(), 'a-secret-the-server-does-not-have'),
    saraOtherSession,
    certificate: certificate.id as string,
  };
}

/** Which of two objects an allowed actor works on: the administrator the second, everyone else the first. */
export const own = <T>(pair: readonly [T, T], actor: Actor): T => pair[actor === 'admin' ? 1 : 0];

/** A client for the actor: a new session of theirs, or none for `anonymous`. */
export async function clientFor(api: TestApi, world: World, actor: Actor): Promise<GqlClient> {
  const c = new GqlClient(api.url);
  if (actor !== 'anonymous') await c.signIn(world.emails[actor]);
  return c;
}

/**
 * The row count and a digest of the full contents of every table of the API's own schema except
 * those that signing in and using a session touch (session, login_throttle) and the audit log, which
 * records refusals and sign-ins by design (ADR 0029; audit.int-spec.ts checks what it writes), so a
 * test can show that a refused request wrote nothing at all.
 */
export async function databaseFingerprint(db: DataSource): Promise<Record<string, string>> {
  const tables: { name: string }[] = await db.query(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
        AND table_name NOT IN ('session', 'login_throttle', 'migrations', 'audit_event')
      ORDER BY table_name`,
  );
  const parts = tables.map(
    ({ name }) =>
      `SELECT '${name}' AS name, count(*)::int || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS digest FROM "${name}" t`,
  );
  const rows: { name: string; digest: string }[] = await db.query(parts.join(' UNION ALL '));
  return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
}
