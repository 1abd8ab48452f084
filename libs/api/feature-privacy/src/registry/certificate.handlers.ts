/*
 * Certificates of completion and portfolio reflections (issue 14, ADR 0032). Raw SQL for the export
 * as in course.handlers.ts: one read joining the cohort's name; run by certificates.int-spec.ts.
 */
import { CompletionCertificateEntity, PortfolioReflectionEntity } from '@stl/api/data-access-db';
import { changedRows } from './changed-rows';
import { ProcessingCategory } from '../record/record-of-processing';
import type { PersonDataHandler } from './person-data';

/**
 * Certificates of completion: the person's own are exported; erasure revokes them (the code then
 * answers "not valid", as the holder's name is gone) and keeps the rows, so a code is never given
 * out twice. Those they issued or revoked for others keep naming the placeholder.
 */
export const completionCertificates: PersonDataHandler = {
  categories: [ProcessingCategory.COURSE_RECORDS],
  entity: CompletionCertificateEntity,
  personColumns: ['person_id', 'issued_by_id', 'revoked_by_id'],
  exported:
    'Their certificates of completion (code, cohort, school year, issued, revoked, what they state); how many they issued or revoked for others.',
  erased:
    'Their own certificates are revoked (the code answers "not valid"); rows are kept so no code is reused.',
  async export({ m, person }) {
    const rows: {
      code: string;
      cohort: string;
      school_year: string;
      issued_at: Date;
      revoked_at: Date | null;
      meetings_attended: number;
      meetings_planned: number;
      analyses_completed: number;
    }[] = await m.query(
      `SELECT cc.code, c.name AS cohort, c.school_year, cc.issued_at, cc.revoked_at,
              cc.meetings_attended, cc.meetings_planned, cc.analyses_completed
         FROM completion_certificate cc JOIN cohort c ON c.id = cc.cohort_id
        WHERE cc.person_id = $1 ORDER BY cc.issued_at`,
      [person.id],
    );
    const issued = await m.count(CompletionCertificateEntity, { where: { issuedById: person.id } });
    const revoked = await m.count(CompletionCertificateEntity, { where: { revokedById: person.id } });
    return {
      certificatesOfCompletion: rows.map((r) => ({
        code: r.code,
        cohort: r.cohort,
        schoolYear: r.school_year,
        issuedAt: r.issued_at,
        revokedAt: r.revoked_at,
        meetingsAttended: r.meetings_attended,
        meetingsPlanned: r.meetings_planned,
        analysesCompleted: r.analyses_completed,
      })),
      certificatesIssuedForOthers: issued,
      certificatesRevokedForOthers: revoked,
    };
  },
  async erase({ m, person }) {
    const rows = await changedRows(
      m,
      `UPDATE completion_certificate SET revoked_at = now(), revoked_by_id = NULL
        WHERE person_id = $1 AND revoked_at IS NULL RETURNING id`,
      [person.id],
    );
    return { certificatesRevoked: rows.length };
  },
};

/** Closing reflections of the teacher's portfolio: exported; deleted. */
export const portfolioReflections: PersonDataHandler = {
  categories: [ProcessingCategory.WORKING_MATERIAL],
  entity: PortfolioReflectionEntity,
  personColumns: ['person_id'],
  exported: 'Each closing reflection of their portfolio: cohort, text, last saved.',
  erased: 'Deleted.',
  async export({ m, person }) {
    const rows: { cohort: string; body: string; updated_at: Date }[] = await m.query(
      `SELECT c.name AS cohort, r.body, r.updated_at
         FROM portfolio_reflection r JOIN cohort c ON c.id = r.cohort_id
        WHERE r.person_id = $1 ORDER BY r.created_at`,
      [person.id],
    );
    return {
      portfolioReflections: rows.map((r) => ({ cohort: r.cohort, text: r.body, savedAt: r.updated_at })),
    };
  },
  async erase({ m, person }) {
    const { affected } = await m.delete(PortfolioReflectionEntity, { personId: person.id });
    return { portfolioReflections: affected ?? 0 };
  },
};
