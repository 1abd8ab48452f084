import type { DataSource } from 'typeorm';
import { DEMO_IDS } from '@stl/api/data-access-db';

export const COHORT = DEMO_IDS.cohort;
export const LEADER_EMAILS = ['maria.berg@larkby.example', 'johan.ek@larkby.example'] as const;
export const LEADER_IDS = [DEMO_IDS.person(2), DEMO_IDS.person(3)] as const;

export interface Participant {
  id: string;
  email: string;
  fullName: string;
  schoolId: string;
}

/** The seeded cohort's participants (24: six from each of four schools), in seed order. */
export async function seededParticipants(db: DataSource): Promise<Participant[]> {
  return db.query(
    `SELECT p.id, p.email, p.full_name AS "fullName", m.school_id AS "schoolId"
       FROM cohort_membership m JOIN person p ON p.id = m.person_id
      WHERE m.cohort_id = $1 AND m.role = 'PARTICIPANT'
      ORDER BY p.id`,
    [COHORT],
  );
}

/** Someone from another school authority, with the demo password. */
export async function createOutsider(db: DataSource): Promise<string> {
  const [{ password_hash: hash }] = await db.query(`SELECT password_hash FROM person WHERE email = $1`, [
    LEADER_EMAILS[0],
  ]);
  const [org] = await db.query(
    `INSERT INTO organisation (name, slug) VALUES ('Annan kommun', 'annan') RETURNING id`,
  );
  const [person] = await db.query(
    `INSERT INTO person (organisation_id, email, full_name, password_hash) VALUES ($1, 'outsider@annan.example', 'Olle Utanför', $2) RETURNING id`,
    [org.id, hash],
  );
  await db.query(
    `INSERT INTO role_grant (person_id, role, organisation_id) VALUES ($1, 'ADMINISTRATOR', $2)`,
    [person.id, org.id],
  );
  await db.query(
    `INSERT INTO role_grant (person_id, role, organisation_id) VALUES ($1, 'COURSE_LEADER', $2)`,
    [person.id, org.id],
  );
  return 'outsider@annan.example';
}

/** Text of the given length for one part of a feedback. */
export function text(label: string, length = 60): string {
  return `${label} `.padEnd(length, 'x');
}

export function feedbackInput(label: string, extra: Record<string, unknown> = {}) {
  return {
    worksWell: text(`${label}: tydlig koppling mellan mål och elevernas texter`),
    questions: text(`${label}: hur vet du att responsen hjälpte alla elever?`),
    nextSteps: text(`${label}: pröva att låta eleverna formulera egna kriterier`),
    ...extra,
  };
}

export const ASSIGNMENT_FIELDS = `id analysisId reviewerId roundId kind source done completedAt cancelledAt dueAt reasons { code message }`;

export const PREVIEW = `query($roundId: ID!, $seed: String) {
  previewAllocation(roundId: $roundId, seed: $seed) {
    applied seed k analysisCount created replaced cancelled leaderAssignmentsCreated
    pairs { reviewerId analysisId authorId locked sameSchool earlierReviews reasons { code message } }
    unmet { analysisId code message missing }
    warnings { code message }
    stats { assignmentCount reviewerCount crossSchoolShare repeatedPairs reciprocalPairs loadMin loadMax }
  }
}`;

export const APPLY = `mutation($roundId: ID!, $seed: String) {
  applyAllocation(roundId: $roundId, seed: $seed) {
    applied seed k analysisCount created replaced cancelled leaderAssignmentsCreated
    pairs { reviewerId analysisId authorId locked reasons { code message } }
    unmet { analysisId code }
    warnings { code message }
    stats { assignmentCount repeatedPairs crossSchoolShare loadMin loadMax }
    allocation { roundId seed lockedAt }
    round { id number }
  }
}`;

export const REPAIR = `mutation($roundId: ID!) {
  repairAllocation(roundId: $roundId) {
    applied created replaced cancelled leaderAssignmentsCreated
    pairs { reviewerId analysisId locked }
    unmet { analysisId code }
    warnings { code message }
  }
}`;

export const LOCK = `mutation($roundId: ID!) { lockAllocation(roundId: $roundId) { roundId lockedAt seed } }`;

export const GIVE = `mutation($assignmentId: ID!, $input: FeedbackInput!) {
  giveFeedback(assignmentId: $assignmentId, input: $input) {
    id kind analysisId authorId worksWell questions nextSteps sectionKey version helpful
  }
}`;

export const MY_TASKS = `query($cohortId: ID, $roundId: ID, $done: Boolean) {
  myReviewTasks(cohortId: $cohortId, roundId: $roundId, done: $done) {
    ${ASSIGNMENT_FIELDS}
    analysis { id authorId status publishedVersion }
    feedback { id }
  }
}`;

/** Live assignments of a round, straight from the database. */
export async function liveAssignments(
  db: DataSource,
  roundId: string,
): Promise<
  {
    id: string;
    analysis_id: string;
    reviewer_id: string;
    kind: string;
    source: string;
    completed_at: Date | null;
    author_id: string;
  }[]
> {
  return db.query(
    `SELECT ra.id, ra.analysis_id, ra.reviewer_id, ra.kind, ra.source, ra.completed_at, a.author_id
       FROM review_assignment ra JOIN analysis a ON a.id = ra.analysis_id
      WHERE ra.round_id = $1 AND ra.cancelled_at IS NULL
      ORDER BY ra.analysis_id, ra.reviewer_id`,
    [roundId],
  );
}
