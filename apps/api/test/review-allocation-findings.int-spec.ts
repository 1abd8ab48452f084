import { DEMO_IDS } from '@stl/api/data-access-db';
import { allocationFindings } from '@stl/shared/domain';
import { publishDirectly } from './support/publish-directly';
import { APPLY, LEADER_EMAILS, seededParticipants } from './support/review-fixtures';
import type { Participant } from './support/review-fixtures';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';
import type { GqlClient } from './support/gql-client';

const ROUND1 = DEMO_IDS.round(1);
const ROUND2 = DEMO_IDS.round(2);

const CHECKS = `
  pairs { reviewerId analysisId authorId locked }
  analyses { analysisId authorId schoolId wantsSameSchool }
  reviewers { reviewerId schoolId }
  earlierPairs { reviewerId authorId roundNumber }
  sameSchoolSupport
  findings { analysisId authorId reviewerId findings { code severity earlierRounds } }
  loads { reviewerId load min max status }`;
const PREVIEW_CHECKS = `query($roundId: ID!, $seed: String) {
  previewAllocation(roundId: $roundId, seed: $seed) { seed ${CHECKS} }
}`;
const APPLY_CHECKS = `mutation($roundId: ID!, $seed: String, $overrides: [AllocationOverrideInput!]) {
  applyAllocation(roundId: $roundId, seed: $seed, overrides: $overrides) { applied ${CHECKS} }
}`;

interface Checks {
  seed: string;
  pairs: { reviewerId: string; analysisId: string; authorId: string; locked: boolean }[];
  analyses: { analysisId: string; authorId: string; schoolId: string | null; wantsSameSchool: boolean }[];
  reviewers: { reviewerId: string; schoolId: string | null }[];
  earlierPairs: { reviewerId: string; authorId: string; roundNumber: number }[];
  sameSchoolSupport: boolean;
  findings: {
    analysisId: string;
    authorId: string;
    reviewerId: string;
    findings: { code: string; severity: string; earlierRounds: number[] }[];
  }[];
  loads: { reviewerId: string; load: number; min: number; max: number; status: string }[];
}

/** What the allocation page computes from the outcome: the domain's function on the same data. */
function recomputed(o: Checks) {
  const result = allocationFindings({
    analyses: o.analyses,
    reviewers: o.reviewers,
    assignments: o.pairs,
    earlierPairs: o.earlierPairs,
    cohortSameSchool: o.sameSchoolSupport,
  });
  return {
    findings: result.assignments
      .filter((a) => a.findings.length)
      .map((a) => ({
        ...a,
        findings: a.findings.map((f) => ({ ...f, earlierRounds: [...(f.earlierRounds ?? [])] })),
      })),
    loads: result.loads,
  };
}

describe('the checks of an allocation, as the API returns them for the allocation page', () => {
  let api: TestApi;
  let people: Participant[];
  let maria: GqlClient;
  let round1Pairs: { reviewer_id: string; author_id: string }[];

  beforeAll(async () => {
    api = await startTestApi();
    people = await seededParticipants(api.db);
    maria = await api.signedIn(LEADER_EMAILS[0]);
    const live = async () =>
      api.db.query(
        `SELECT ra.reviewer_id, a.author_id FROM review_assignment ra JOIN analysis a ON a.id = ra.analysis_id
          WHERE ra.round_id = $1 AND ra.kind = 'PEER' AND ra.cancelled_at IS NULL`,
        [ROUND1],
      );
    round1Pairs = await live();
    if (!round1Pairs.length) {
      const [{ n }] = await api.db.query(
        `SELECT count(*)::int AS n FROM analysis WHERE round_id = $1 AND status = 'PUBLISHED'`,
        [ROUND1],
      );
      if (!n)
        await publishDirectly(
          api.db,
          ROUND1,
          people.map((p) => p.id),
        );
      await maria.ok(APPLY, { roundId: ROUND1, seed: 'findings-1' });
      round1Pairs = await live();
    }
    expect(round1Pairs.length).toBeGreaterThan(0);
    await publishDirectly(
      api.db,
      ROUND2,
      people.map((p) => p.id),
    );
  });
  afterAll(() => api.close());

  it('previews with the earlier pairs, the schools and the findings the page computes too', async () => {
    const { previewAllocation: o } = (await maria.ok(PREVIEW_CHECKS, { roundId: ROUND2, seed: 'f-2' })) as {
      previewAllocation: Checks;
    };
    expect(o.earlierPairs.map((p) => `${p.reviewerId}>${p.authorId}:${p.roundNumber}`).sort()).toEqual(
      round1Pairs.map((p) => `${p.reviewer_id}>${p.author_id}:1`).sort(),
    );
    expect(o.reviewers).toHaveLength(people.length);
    for (const r of o.reviewers) {
      expect(r.schoolId).toBe(people.find((p) => p.id === r.reviewerId)?.schoolId);
    }
    expect(o.analyses).toHaveLength(people.length);
    // The allocator's own proposal: balanced, and never anyone on their own analysis.
    expect(o.loads.every((l) => l.status === 'WITHIN')).toBe(true);
    expect(o.findings.flatMap((f) => f.findings).filter((f) => f.severity === 'IMPOSSIBLE')).toEqual([]);
    expect({ findings: o.findings, loads: o.loads }).toEqual(recomputed(o));
  });

  it('refuses impossible changes by the same checks, as typed problems, and writes nothing', async () => {
    const { previewAllocation: o } = (await maria.ok(PREVIEW_CHECKS, { roundId: ROUND2, seed: 'f-4' })) as {
      previewAllocation: Checks;
    };
    const [a] = o.pairs;
    const other = people.find((p) => p.id !== a.authorId && p.id !== a.reviewerId) as Participant;
    const before = await api.db.query(
      `SELECT count(*)::int AS n FROM review_assignment WHERE round_id = $1`,
      [ROUND2],
    );
    const r = await maria.request(APPLY_CHECKS, {
      roundId: ROUND2,
      seed: o.seed,
      overrides: [
        { analysisId: a.analysisId, reviewerId: a.authorId },
        { analysisId: a.analysisId, reviewerId: other.id },
        { analysisId: a.analysisId, reviewerId: other.id },
      ],
    });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].extensions?.problems).toEqual([
      expect.objectContaining({ field: 'overrides.0.reviewerId', code: 'SELF_REVIEW' }),
      expect.objectContaining({ field: 'overrides.2.reviewerId', code: 'DUPLICATE_ASSIGNMENT' }),
    ]);
    expect(
      await api.db.query(`SELECT count(*)::int AS n FROM review_assignment WHERE round_id = $1`, [ROUND2]),
    ).toEqual(before);
  });

  it('returns the warnings of the leader’s own changes on apply: same school, repeated pair', async () => {
    const { previewAllocation: o } = (await maria.ok(PREVIEW_CHECKS, { roundId: ROUND2, seed: 'f-3' })) as {
      previewAllocation: Checks;
    };
    const schoolOf = (id: string) => people.find((p) => p.id === id)?.schoolId;
    const on = (analysisId: string) =>
      o.pairs.filter((p) => p.analysisId === analysisId).map((p) => p.reviewerId);
    // A colleague of the author's own school on the first analysis …
    const first = o.pairs[0];
    const colleague = people.find(
      (p) =>
        p.id !== first.authorId &&
        p.schoolId === schoolOf(first.authorId) &&
        !on(first.analysisId).includes(p.id),
    ) as Participant;
    // … and, on another analysis, someone who read its author in round 1.
    const second = o.pairs.find(
      (p) =>
        p.analysisId !== first.analysisId &&
        round1Pairs.some(
          (e) =>
            e.author_id === p.authorId &&
            e.reviewer_id !== colleague.id &&
            !on(p.analysisId).includes(e.reviewer_id),
        ),
    ) as Checks['pairs'][number];
    const again = round1Pairs.find(
      (e) =>
        e.author_id === second.authorId &&
        e.reviewer_id !== colleague.id &&
        !on(second.analysisId).includes(e.reviewer_id),
    ) as { reviewer_id: string };
    const { applyAllocation: a } = (await maria.ok(APPLY_CHECKS, {
      roundId: ROUND2,
      seed: o.seed,
      overrides: [
        { analysisId: first.analysisId, reviewerId: colleague.id, replacesReviewerId: first.reviewerId },
        {
          analysisId: second.analysisId,
          reviewerId: again.reviewer_id,
          replacesReviewerId: second.reviewerId,
        },
      ],
    })) as { applyAllocation: Checks & { applied: boolean } };
    expect(a.applied).toBe(true);
    const of = (analysisId: string, reviewerId: string) =>
      a.findings.find((f) => f.analysisId === analysisId && f.reviewerId === reviewerId)?.findings ?? [];
    expect(of(first.analysisId, colleague.id).map((f) => f.code)).toContain('SAME_SCHOOL');
    expect(of(second.analysisId, again.reviewer_id)).toContainEqual({
      code: 'REPEAT',
      severity: 'WARNING',
      earlierRounds: [1],
    });
    expect({ findings: a.findings, loads: a.loads }).toEqual(recomputed(a));
  });
});
