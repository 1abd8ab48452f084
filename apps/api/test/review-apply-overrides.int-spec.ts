import { DEMO_IDS } from '@stl/api/data-access-db';
import { publishDirectly } from './support/publish-directly';
import { LEADER_EMAILS, PREVIEW, liveAssignments, seededParticipants } from './support/review-fixtures';
import type { Participant } from './support/review-fixtures';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';
import type { GqlClient } from './support/gql-client';

const ROUND = DEMO_IDS.round(2);
const APPLY_WITH = `mutation($roundId: ID!, $seed: String, $overrides: [AllocationOverrideInput!]) {
  applyAllocation(roundId: $roundId, seed: $seed, overrides: $overrides) {
    applied seed created replaced
    pairs { reviewerId analysisId locked reasons { code } }
  }
}`;

interface PreviewPair {
  reviewerId: string;
  analysisId: string;
  authorId: string;
  locked: boolean;
}

describe('applying an allocation with the course leader’s own changes (one request)', () => {
  let api: TestApi;
  let people: Participant[];
  let maria: GqlClient;
  let seed: string;
  let pairs: PreviewPair[];

  const counts = async () => {
    const [row] = await api.db.query(
      `SELECT (SELECT count(*)::int FROM review_assignment WHERE round_id = $1) AS assignments,
              (SELECT count(*)::int FROM outbox_message) AS mails,
              (SELECT count(*)::int FROM round_allocation WHERE round_id = $1) AS allocations`,
      [ROUND],
    );
    return row as { assignments: number; mails: number; allocations: number };
  };
  const assignedMails = async (): Promise<{ recipient_id: string; analysis_id: string }[]> =>
    api.db.query(
      `SELECT recipient_id, payload->>'analysisId' AS analysis_id FROM outbox_message
        WHERE idempotency_key LIKE 'REVIEW_ASSIGNED:%'`,
    );

  beforeAll(async () => {
    api = await startTestApi();
    people = await seededParticipants(api.db);
    maria = await api.signedIn(LEADER_EMAILS[0]);
    await publishDirectly(
      api.db,
      ROUND,
      people.map((p) => p.id),
    );
    const { previewAllocation } = await maria.ok(PREVIEW, { roundId: ROUND, seed: 'overrides-1' });
    seed = previewAllocation.seed;
    pairs = previewAllocation.pairs;
    expect(pairs).toHaveLength(48);
  });
  afterAll(() => api.close());

  it('refuses a participant (FORBIDDEN) and writes nothing', async () => {
    const before = await counts();
    const teacher = await api.signedIn(people[0].email);
    const [a] = pairs;
    expect(
      await teacher.code(APPLY_WITH, {
        roundId: ROUND,
        seed,
        overrides: [
          { analysisId: a.analysisId, reviewerId: people[0].id === a.authorId ? people[1].id : people[0].id },
        ],
      }),
    ).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });

  it('refuses an invalid override with a typed error per index and writes nothing', async () => {
    const before = await counts();
    const [a, b] = pairs.filter((p, i, all) => all.findIndex((q) => q.analysisId === p.analysisId) === i);
    const r = await maria.request(APPLY_WITH, {
      roundId: ROUND,
      seed,
      overrides: [
        {
          analysisId: a.analysisId,
          reviewerId: (
            people.find(
              (p) =>
                p.id !== a.authorId &&
                !pairs.some((q) => q.analysisId === a.analysisId && q.reviewerId === p.id),
            ) as Participant
          ).id,
          replacesReviewerId: a.reviewerId,
        },
        { analysisId: b.analysisId, reviewerId: b.authorId, replacesReviewerId: b.reviewerId },
      ],
    });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].extensions?.problems).toEqual([
      expect.objectContaining({ field: 'overrides.1.reviewerId', code: 'SELF_REVIEW' }),
    ]);
    const outsider = await maria.request(APPLY_WITH, {
      roundId: ROUND,
      seed,
      overrides: [{ analysisId: a.analysisId, reviewerId: DEMO_IDS.person(2) }],
    });
    expect(outsider.errors?.[0].extensions?.problems).toEqual([
      expect.objectContaining({ field: 'overrides.0.reviewerId', code: 'REVIEWER_NOT_ELIGIBLE' }),
    ]);
    expect(await counts()).toEqual(before);
  });

  it('applies the preview with A→X overridden to A→Y: X is never mailed for A, Y is', async () => {
    const target = pairs[0];
    const onA = new Set(pairs.filter((p) => p.analysisId === target.analysisId).map((p) => p.reviewerId));
    const y = people.find((p) => p.id !== target.authorId && !onA.has(p.id)) as Participant;
    const { applyAllocation } = await maria.ok(APPLY_WITH, {
      roundId: ROUND,
      seed,
      overrides: [{ analysisId: target.analysisId, reviewerId: y.id, replacesReviewerId: target.reviewerId }],
    });
    expect(applyAllocation).toMatchObject({ applied: true, seed, created: 48 });

    const live = (await liveAssignments(api.db, ROUND)).filter((a) => a.kind === 'PEER');
    expect(live).toHaveLength(48);
    const onAfter = live.filter((a) => a.analysis_id === target.analysisId);
    expect(onAfter.map((a) => a.reviewer_id).sort()).toEqual(
      [...onA]
        .filter((id) => id !== target.reviewerId)
        .concat(y.id)
        .sort(),
    );
    expect(onAfter.find((a) => a.reviewer_id === y.id)?.source).toBe('MANUAL');
    expect(applyAllocation.pairs).toContainEqual(
      expect.objectContaining({
        analysisId: target.analysisId,
        reviewerId: y.id,
        locked: false,
        reasons: [{ code: 'MANUAL_SWAP' }],
      }),
    );
    for (const a of new Set(live.map((x) => x.analysis_id))) {
      expect(live.filter((x) => x.analysis_id === a)).toHaveLength(2);
    }
    expect(live.every((a) => a.reviewer_id !== a.author_id)).toBe(true);

    const mails = await assignedMails();
    expect(mails).toHaveLength(48);
    expect(mails).toContainEqual({ recipient_id: y.id, analysis_id: target.analysisId });
    expect(mails).not.toContainEqual({ recipient_id: target.reviewerId, analysis_id: target.analysisId });
    // Exactly one mail per final pair.
    expect(mails.map((m) => `${m.analysis_id}:${m.recipient_id}`).sort()).toEqual(
      live.map((a) => `${a.analysis_id}:${a.reviewer_id}`).sort(),
    );
  });
});
