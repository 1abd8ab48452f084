import type { DataSource, EntityManager } from 'typeorm';
import { allocateCriticalFriends } from '@stl/shared/domain';
import type { AllocationHistoryPair } from '@stl/shared/domain';
import { AnalysisVersionEntity } from '../analysis/analysis-version.entity';
import { AnalysisEntity, AnalysisStatus } from '../analysis/analysis.entity';
import { AttendanceEntity, AttendanceStatus } from '../meeting/attendance.entity';
import { AnalysisRoundEntity } from '../round/analysis-round.entity';
import { FeedbackEntity } from '../review/feedback.entity';
import { AssignmentSource, ReviewAssignmentEntity, ReviewerKind } from '../review/review-assignment.entity';
import { RoundAllocationEntity } from '../review/round-allocation.entity';
import { CohortMembershipEntity, CohortRole } from '../cohort/cohort-membership.entity';
import { DEFAULT_TEMPLATE_SECTIONS, DEMO_IDS } from './demo-seed';

/** Fixed ids in their own range, so running the activity seed again changes nothing. */
const id = (group: number, n: number) =>
  `00000000-0000-4000-9${group.toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;

const DAY = 86_400_000;

/** How far the demo year has come: who published, and how much feedback is in, per round. */
const ROUND_PLAN = [
  { round: 1, skip: [5, 17], feedbackShare: 1 },
  { round: 2, skip: [5, 11, 17, 23], feedbackShare: 0.5 },
  { round: 3, skip: null, publishEvery: 3, feedbackShare: 0 },
] as const;

const ANSWER_TEXT: Record<string, (name: string, round: number) => string> = {
  goals: (n, r) =>
    `<p>Eleverna i åk ${1 + (r % 3)} skulle kunna skriva en sammanhängande berättelse med inledning, händelse och avslutning. (${n})</p>`,
  plan: () =>
    '<p>Eleverna skrev i par på dator med talsyntes och gav varandra respons med hjälp av en enkel mall: <strong>två stjärnor och en önskan</strong>.</p>',
  outcome: () =>
    '<p>De flesta paren kom i gång snabbt. Några elever behövde stöd i att formulera respons som hjälper kamraten framåt.</p>',
  evidence: () =>
    '<p>Texterna blev längre än vid förra arbetsområdet, och fler elever använde sambandsord. Exempel är anonymiserade.</p>',
  effect: () =>
    '<p>Talsyntesen gjorde att eleverna själva upptäckte ord som saknades. Responsmallen behöver modelleras tydligare.</p>',
  next: () => '<p>Nästa gång modellerar jag responsen i helklass innan eleverna arbetar i par.</p>',
};

interface Participant {
  personId: string;
  schoolId: string;
  index: number;
}

/**
 * Demo activity for `npm start`, so a person trying the platform finds a course under way: attendance
 * for the first meetings, round 1 published, allocated and fully reviewed, round 2 published with
 * half the feedback in, round 3 partly published. Not used by the tests, which start from the bare
 * demo organisation. Idempotent.
 */
export async function seedDemoActivity(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (m) => {
    const members = await m.find(CohortMembershipEntity, { where: { cohortId: DEMO_IDS.cohort } });
    const participants: Participant[] = members
      .filter((x) => x.role === CohortRole.PARTICIPANT && !x.leftAt)
      .map((x) => ({
        personId: x.personId,
        schoolId: x.schoolId ?? '',
        index: Number.parseInt(x.personId.slice(-4), 16) - 100,
      }))
      .sort((a, b) => a.index - b.index);
    const leaders = members.filter((x) => x.role === CohortRole.LEADER).map((x) => x.personId);
    await seedAttendance(m, participants, leaders[0]);
    const history: AllocationHistoryPair[] = [];
    for (const plan of ROUND_PLAN) {
      const round = await m.findOneByOrFail(AnalysisRoundEntity, { id: DEMO_IDS.round(plan.round) });
      const publishers = participants.filter((p) =>
        plan.skip
          ? !(plan.skip as readonly number[]).includes(p.index)
          : p.index % (plan.publishEvery ?? 1) === 0,
      );
      const analyses = await seedAnalyses(m, round, publishers, plan.round);
      if (plan.round === 3) continue;
      await seedAllocationAndFeedback(m, round, analyses, leaders, history, plan.feedbackShare);
    }
  });
}

async function seedAttendance(
  m: EntityManager,
  participants: Participant[],
  recordedBy: string,
): Promise<void> {
  const rows: Partial<AttendanceEntity>[] = [];
  for (const meeting of [1, 2, 3]) {
    for (const p of participants) {
      const absent = (p.index + meeting) % 11 === 0;
      rows.push({
        meetingId: DEMO_IDS.meeting(meeting),
        personId: p.personId,
        status: absent ? AttendanceStatus.ABSENT : AttendanceStatus.PRESENT,
        recordedById: recordedBy,
      });
    }
  }
  await m.upsert(AttendanceEntity, rows, ['meetingId', 'personId']);
}

async function seedAnalyses(
  m: EntityManager,
  round: AnalysisRoundEntity,
  publishers: Participant[],
  roundNumber: number,
): Promise<AnalysisEntity[]> {
  const out: AnalysisEntity[] = [];
  for (const p of publishers) {
    const publishedAt = new Date(round.opensAt.getTime() + (2 + (p.index % 9)) * DAY);
    const answers = Object.fromEntries(
      DEFAULT_TEMPLATE_SECTIONS.map((s) => [s.key, ANSWER_TEXT[s.key](`lärare ${p.index + 1}`, roundNumber)]),
    );
    const analysisId = id(1, roundNumber * 1000 + p.index);
    await m.upsert(
      AnalysisEntity,
      {
        id: analysisId,
        roundId: round.id,
        cohortId: round.cohortId,
        authorId: p.personId,
        schoolId: p.schoolId,
        status: AnalysisStatus.PUBLISHED,
        draftAnswers: answers,
        draftRevision: 3,
        draftSavedAt: publishedAt,
        publishedVersion: 1,
        firstPublishedAt: publishedAt,
        lastPublishedAt: publishedAt,
      },
      ['id'],
    );
    await m.upsert(
      AnalysisVersionEntity,
      {
        id: id(2, roundNumber * 1000 + p.index),
        analysisId,
        version: 1,
        answers,
        privacyConfirmedAt: publishedAt,
        publishedAt,
      },
      ['id'],
    );
    out.push(await m.findOneByOrFail(AnalysisEntity, { id: analysisId }));
  }
  return out;
}

async function seedAllocationAndFeedback(
  m: EntityManager,
  round: AnalysisRoundEntity,
  analyses: AnalysisEntity[],
  leaders: string[],
  history: AllocationHistoryPair[],
  feedbackShare: number,
): Promise<void> {
  const seed = `demo-${round.number}`;
  const result = allocateCriticalFriends({
    analyses: analyses.map((a) => ({ analysisId: a.id, authorId: a.authorId, schoolId: a.schoolId ?? '' })),
    history,
    k: 2,
    seed,
  });
  const allocatedAt = new Date(round.submissionDeadline.getTime() + DAY);
  await m.upsert(
    RoundAllocationEntity,
    { roundId: round.id, seed, appliedAt: allocatedAt, appliedById: leaders[0], lockedAt: allocatedAt },
    ['roundId'],
  );
  const pairs = [
    ...result.assignments.map((a) => ({
      reviewerId: a.reviewerId,
      analysisId: a.analysisId,
      kind: ReviewerKind.PEER,
      reasons: a.reasons,
    })),
    ...analyses.flatMap((a) =>
      leaders.map((l) => ({ reviewerId: l, analysisId: a.id, kind: ReviewerKind.LEADER, reasons: [] })),
    ),
  ];
  let n = 0;
  for (const pair of pairs) {
    n += 1;
    const done = (n % 100) / 100 < feedbackShare;
    const assignmentId = id(3, round.number * 10_000 + n);
    const completedAt = done ? new Date(allocatedAt.getTime() + (1 + (n % 5)) * DAY) : null;
    await m.upsert(
      ReviewAssignmentEntity,
      {
        id: assignmentId,
        roundId: round.id,
        cohortId: round.cohortId,
        analysisId: pair.analysisId,
        reviewerId: pair.reviewerId,
        kind: pair.kind,
        source: AssignmentSource.ALLOCATION,
        reasons: pair.reasons.map((r) => ({ code: r.code, message: r.message })),
        completedAt,
        cancelledAt: null,
      },
      ['id'],
    );
    if (pair.kind === ReviewerKind.PEER) {
      const analysis = analyses.find((a) => a.id === pair.analysisId);
      if (analysis)
        history.push({ reviewerId: pair.reviewerId, authorId: analysis.authorId, roundNumber: round.number });
    }
    if (!done) continue;
    const version = await m.findOneByOrFail(AnalysisVersionEntity, {
      analysisId: pair.analysisId,
      version: 1,
    });
    await m.upsert(
      FeedbackEntity,
      {
        id: id(4, round.number * 10_000 + n),
        assignmentId,
        analysisId: pair.analysisId,
        analysisVersionId: version.id,
        authorId: pair.reviewerId,
        kind: pair.kind,
        worksWell:
          'Det är tydligt hur du använde talsyntesen, och beläggen från elevtexterna visar att skrivandet utvecklades.',
        questions:
          'Hur såg responsen ut hos de elever som behövde mest stöd? Vad i mallen hjälpte dem, och vad inte?',
        nextSteps:
          'Pröva att modellera en respons i helklass och låt eleverna jämföra två exempel innan de arbetar i par.',
        sectionKey: n % 3 === 0 ? 'effect' : null,
        markedHelpfulAt: n % 4 === 0 ? completedAt : null,
        // Given when the assignment was completed, not when the seed ran: the dashboard's
        // turnaround (publish → first feedback) then reads days, as in a real course.
        createdAt: completedAt ?? undefined,
        updatedAt: completedAt ?? undefined,
      },
      ['id'],
    );
  }
}
