/*
 * Issue 14 (ADR 0034): the calendar feed's token and the self-assessment answers. Raw SQL for the
 * export, as in course.handlers.ts: one read with the names the person needs.
 */
import { CalendarFeedTokenEntity, SelfAssessmentResponseEntity } from '@stl/api/data-access-db';
import { ProcessingCategory } from '../record/record-of-processing';
import type { PersonDataHandler } from './person-data';

/** The private calendar URL: when made and last fetched (never the token or its hash); deleted. */
export const calendarFeedTokens: PersonDataHandler = {
  categories: [ProcessingCategory.SIGN_IN],
  entity: CalendarFeedTokenEntity,
  personColumns: ['person_id'],
  exported: 'Whether a calendar URL exists, when it was made and last fetched (never the token or its hash).',
  erased: 'Deleted: the calendar URL stops working.',
  async export({ m, person }) {
    const row = await m.findOne(CalendarFeedTokenEntity, { where: { personId: person.id } });
    return {
      calendarFeed: row ? { createdAt: row.createdAt, lastFetchedAt: row.lastUsedAt } : null,
    };
  },
  async erase({ m, person }) {
    const { affected } = await m.delete(CalendarFeedTokenEntity, { personId: person.id });
    return { calendarFeeds: affected ?? 0 };
  },
};

/** Self-assessments before and after a cohort: every answer exported; deleted (answers go with them). */
export const selfAssessments: PersonDataHandler = {
  categories: [ProcessingCategory.SELF_ASSESSMENT],
  entity: SelfAssessmentResponseEntity,
  personColumns: ['person_id'],
  exported: 'Each self-assessment: cohort, before or after, when, each statement with the value 1–5.',
  erased: 'Deleted with their answers: they leave the aggregates.',
  async export({ m, person }) {
    const rows: {
      id: string;
      cohort: string;
      phase: string;
      answered_at: Date;
      statement: string;
      value: number;
    }[] = await m.query(
      `SELECT r.id, c.name AS cohort, r.phase, r.updated_at AS answered_at, q.text_sv AS statement, a.value
         FROM self_assessment_response r
         JOIN cohort c ON c.id = r.cohort_id
         JOIN self_assessment_answer a ON a.response_id = r.id
         JOIN self_assessment_question q ON q.id = a.question_id
        WHERE r.person_id = $1
        ORDER BY r.created_at, r.id, q.position`,
      [person.id],
    );
    const byResponse = new Map<
      string,
      { cohort: string; phase: string; answeredAt: Date; answers: { statement: string; value: number }[] }
    >();
    for (const r of rows) {
      const entry = byResponse.get(r.id) ?? {
        cohort: r.cohort,
        phase: r.phase,
        answeredAt: r.answered_at,
        answers: [],
      };
      entry.answers.push({ statement: r.statement, value: r.value });
      byResponse.set(r.id, entry);
    }
    return { selfAssessments: [...byResponse.values()] };
  },
  async erase({ m, person }) {
    const { affected } = await m.delete(SelfAssessmentResponseEntity, { personId: person.id });
    return { selfAssessments: affected ?? 0 };
  },
};
