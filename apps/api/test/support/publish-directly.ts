import type { DataSource } from 'typeorm';
import {
  AnalysisEntity,
  AnalysisRoundEntity,
  AnalysisStatus,
  AnalysisVersionEntity,
  CohortMembershipEntity,
  CohortRole,
  DEFAULT_TEMPLATE_SECTIONS,
} from '@stl/api/data-access-db';

/** A complete set of answers for the demo template. */
export function demoAnswers(label: string): Record<string, string> {
  return Object.fromEntries(
    DEFAULT_TEMPLATE_SECTIONS.map((s) => [s.key, `<p>${label}: ${s.title} – anonymiserad text.</p>`]),
  );
}

/**
 * Publishes analyses by writing the rows the analysis API would write (analysis PUBLISHED at
 * version 1 plus its analysis_version), in two statements for any number of authors. For tests that
 * need many published analyses fast; the analysis API itself is tested in analysis.int-spec.ts.
 */
export async function publishDirectly(
  db: DataSource,
  roundId: string,
  authorIds: readonly string[],
  at = new Date(),
): Promise<Map<string, string>> {
  if (authorIds.length === 0) return new Map();
  const round = await db.getRepository(AnalysisRoundEntity).findOneOrFail({ where: { id: roundId } });
  const members = await db.getRepository(CohortMembershipEntity).find({
    where: { cohortId: round.cohortId, role: CohortRole.PARTICIPANT },
  });
  const schoolOf = new Map(members.map((m) => [m.personId, m.schoolId]));
  // Each version gets its own object: TypeORM's insert of the analyses leaves their answers
  // transformed (to [key, html] pairs) in place, which a second transform would garble.
  const answersOf = authorIds.map((authorId) => demoAnswers(authorId.slice(-4)));
  const analyses = authorIds.map((authorId, i) => {
    const answers = { ...answersOf[i] };
    return db.getRepository(AnalysisEntity).create({
      roundId,
      cohortId: round.cohortId,
      authorId,
      schoolId: schoolOf.get(authorId) ?? null,
      status: AnalysisStatus.PUBLISHED,
      draftAnswers: answers,
      draftRevision: 1,
      draftSavedAt: at,
      publishedVersion: 1,
      firstPublishedAt: at,
      lastPublishedAt: at,
    });
  });
  const inserted = await db.getRepository(AnalysisEntity).insert(analyses);
  const ids = inserted.identifiers.map((i) => i['id'] as string);
  await db.getRepository(AnalysisVersionEntity).insert(
    ids.map((analysisId, i) => ({
      analysisId,
      version: 1,
      answers: answersOf[i],
      privacyConfirmedAt: at,
    })),
  );
  return new Map(authorIds.map((a, i) => [a, ids[i]]));
}

/** Publishes a new version of an analysis (as an edit after publishing would). */
export async function republishDirectly(db: DataSource, analysisId: string): Promise<number> {
  const analysis = await db.getRepository(AnalysisEntity).findOneOrFail({ where: { id: analysisId } });
  const version = analysis.publishedVersion + 1;
  const now = new Date();
  await db.getRepository(AnalysisVersionEntity).insert({
    analysisId,
    version,
    answers: analysis.draftAnswers,
    privacyConfirmedAt: now,
  });
  await db
    .getRepository(AnalysisEntity)
    .update({ id: analysisId }, { publishedVersion: version, lastPublishedAt: now });
  return version;
}
