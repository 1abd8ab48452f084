/*
 * Raw SQL here: each export section is one read joining the row with the cohort, round or meeting
 * names the person needs to make sense of it; the finders would load whole entity graphs for that.
 * Every statement is parameterised and run by apps/api/test/privacy-data.int-spec.ts.
 */
import {
  AnalysisDraftSnapshotEntity,
  AnalysisEntity,
  AnalysisTemplateVersionEntity,
  AttachmentEntity,
  AttendanceEntity,
  CohortMembershipEntity,
  FeedbackCommentEntity,
  FeedbackEntity,
  FeedbackExampleEntity,
  NextStepChoiceEntity,
  PassageCommentEntity,
  ReviewAssignmentEntity,
  RoundAllocationEntity,
} from '@stl/api/data-access-db';
import { changedRows } from './changed-rows';
import { ProcessingCategory } from '../record/record-of-processing';
import type { PersonDataHandler } from './person-data';

/** Cohort memberships: exported; kept, so the cohort's figures stand (the person is a placeholder). */
export const memberships: PersonDataHandler = {
  categories: [ProcessingCategory.COURSE_RECORDS],
  entity: CohortMembershipEntity,
  personColumns: ['person_id'],
  exported: 'Cohort, role, school at enrolment, joined, left, same-school wish.',
  erased: "Kept: the cohort's figures count it; it now names the placeholder.",
  async export({ m, person }) {
    const rows: {
      cohort: string;
      school_year: string;
      role: string;
      school: string | null;
      joined_at: Date;
      left_at: Date | null;
      wants_same_school: boolean;
    }[] = await m.query(
      `SELECT c.name AS cohort, c.school_year, cm.role, s.name AS school, cm.joined_at, cm.left_at, cm.wants_same_school
         FROM cohort_membership cm JOIN cohort c ON c.id = cm.cohort_id LEFT JOIN school s ON s.id = cm.school_id
        WHERE cm.person_id = $1 ORDER BY cm.joined_at, c.name`,
      [person.id],
    );
    return {
      cohortMemberships: rows.map((r) => ({
        cohort: r.cohort,
        schoolYear: r.school_year,
        role: r.role,
        school: r.school,
        joinedAt: r.joined_at,
        leftAt: r.left_at,
        wantsSameSchool: r.wants_same_school,
      })),
    };
  },
  async erase() {
    return {};
  },
};

/** Attendance: their own, and how many records they entered; kept until the retention schedule. */
export const attendance: PersonDataHandler = {
  categories: [ProcessingCategory.ATTENDANCE],
  entity: AttendanceEntity,
  personColumns: ['person_id', 'recorded_by_id'],
  exported:
    'Their attendance per meeting (cohort, meeting, date, status); the number of records they entered for others.',
  erased: "Kept: the cohort's figures count it; erased by the retention schedule (ATTENDANCE).",
  async export({ m, person }) {
    const rows: { cohort: string; number: number; title: string; starts_at: Date; status: string }[] =
      await m.query(
        `SELECT c.name AS cohort, mt.number, mt.title, mt.starts_at, a.status
           FROM attendance a JOIN meeting mt ON mt.id = a.meeting_id JOIN cohort c ON c.id = mt.cohort_id
          WHERE a.person_id = $1 ORDER BY mt.starts_at`,
        [person.id],
      );
    const recorded = await m.count(AttendanceEntity, { where: { recordedById: person.id } });
    return {
      attendance: rows.map((r) => ({
        cohort: r.cohort,
        meeting: r.number,
        title: r.title,
        startsAt: r.starts_at,
        status: r.status,
      })),
      attendanceRecordedForOthers: recorded,
    };
  },
  async erase() {
    return {};
  },
};

interface AnalysisRow {
  id: string;
  cohort: string;
  round: number;
  round_title: string;
  status: string;
  draft_answers: [string, string][];
  draft_saved_at: Date | null;
  published_version: number;
}

/** Answers as stored: [sectionKey, html] pairs in the template's order (answers.transformer.ts). */
const answersOf = (a: [string, string][] | Record<string, string>): Record<string, string> =>
  Array.isArray(a) ? Object.fromEntries(a) : a;

/**
 * Analyses: the working copy (draft) and every published version, with attachments. Erasure blanks
 * the draft; the published versions are official records, kept until the retention schedule
 * (PUBLISHED_WORK) erases them.
 */
export const analyses: PersonDataHandler = {
  categories: [ProcessingCategory.WORKING_MATERIAL, ProcessingCategory.PUBLISHED_WORK],
  entity: AnalysisEntity,
  personColumns: ['author_id'],
  exported: 'Each analysis: cohort, round, status, the draft and every published version (answers as HTML).',
  erased: 'The draft is blanked; published versions are kept until the retention schedule (PUBLISHED_WORK).',
  async export({ m, person }) {
    const rows: AnalysisRow[] = await m.query(
      `SELECT a.id, c.name AS cohort, r.number AS round, r.title AS round_title, a.status,
              a.draft_answers, a.draft_saved_at, a.published_version
         FROM analysis a JOIN analysis_round r ON r.id = a.round_id JOIN cohort c ON c.id = a.cohort_id
        WHERE a.author_id = $1 ORDER BY c.name, r.number`,
      [person.id],
    );
    const versions: {
      analysis_id: string;
      version: number;
      answers: Record<string, string>;
      published_at: Date;
    }[] = rows.length
      ? await m.query(
          `SELECT analysis_id, version, answers, published_at FROM analysis_version
              WHERE analysis_id = ANY($1::uuid[]) ORDER BY analysis_id, version`,
          [rows.map((r) => r.id)],
        )
      : [];
    return {
      analyses: rows.map((r) => ({
        id: r.id,
        cohort: r.cohort,
        round: r.round,
        roundTitle: r.round_title,
        status: r.status,
        draft: { answers: answersOf(r.draft_answers), savedAt: r.draft_saved_at },
        versions: versions
          .filter((v) => v.analysis_id === r.id)
          .map((v) => ({ version: v.version, publishedAt: v.published_at, answers: answersOf(v.answers) })),
      })),
    };
  },
  async erase({ m, person }) {
    const rows = await changedRows(
      m,
      `UPDATE analysis SET draft_answers = '[]'::jsonb, draft_saved_at = NULL
        WHERE author_id = $1 AND (draft_answers <> '[]'::jsonb OR draft_saved_at IS NOT NULL)
        RETURNING id`,
      [person.id],
    );
    return { drafts: rows.length };
  },
};

/**
 * Attachments: every file of theirs goes into the ZIP. Erasure deletes the files only the draft
 * holds; a file a published version lists stays with that version (ADR 0024) until retention.
 */
export const attachments: PersonDataHandler = {
  categories: [ProcessingCategory.WORKING_MATERIAL, ProcessingCategory.PUBLISHED_WORK],
  entity: AttachmentEntity,
  personColumns: ['owner_id'],
  exported: 'Every file they attached, as a file in the ZIP (name, type, size, section in data.json).',
  erased: 'Files only the draft holds are deleted; files of published versions are kept until retention.',
  async export({ m, person, files, readAttachment }) {
    const rows = await m.find(AttachmentEntity, {
      where: { ownerId: person.id },
      order: { createdAt: 'ASC' },
    });
    const listed = rows.map((a) => ({
      id: a.id,
      analysisId: a.analysisId,
      section: a.sectionKey,
      name: a.originalName,
      contentType: a.contentType,
      size: a.size,
      attachedAt: a.createdAt,
      inDraft: a.removedFromDraftAt === null,
      file: `attachments/${a.id}-${a.originalName.replace(/[^\p{L}\p{N}._-]+/gu, '_')}`,
    }));
    rows.forEach((a, i) => files.push({ path: listed[i].file, read: () => readAttachment(a) }));
    return { attachments: listed };
  },
  async erase({ m, person, removeStoredFiles }) {
    const gone = await changedRows<{ id: string; storage: string }>(
      m,
      `DELETE FROM attachment a
        WHERE a.owner_id = $1
          AND NOT EXISTS (SELECT 1 FROM analysis_version_attachment v WHERE v.attachment_id = a.id)
        RETURNING a.id, a.storage`,
      [person.id],
    );
    removeStoredFiles(gone);
    return { draftAttachments: gone.length };
  },
};

/** Critical-friend tasks: exported; kept (the cohort's figures count them). */
export const reviewAssignments: PersonDataHandler = {
  categories: [ProcessingCategory.COURSE_RECORDS],
  entity: ReviewAssignmentEntity,
  personColumns: ['reviewer_id'],
  exported: 'Each task: cohort, round, kind, how it was assigned, done, cancelled (not whose analysis).',
  erased: "Kept: the cohort's figures count them; they name the placeholder.",
  async export({ m, person }) {
    const rows: {
      cohort: string;
      round: number;
      kind: string;
      source: string;
      created_at: Date;
      completed_at: Date | null;
      cancelled_at: Date | null;
    }[] = await m.query(
      `SELECT c.name AS cohort, r.number AS round, ra.kind, ra.source, ra.created_at, ra.completed_at, ra.cancelled_at
         FROM review_assignment ra JOIN analysis_round r ON r.id = ra.round_id JOIN cohort c ON c.id = ra.cohort_id
        WHERE ra.reviewer_id = $1 ORDER BY c.name, r.number, ra.created_at`,
      [person.id],
    );
    return {
      reviewTasks: rows.map((r) => ({
        cohort: r.cohort,
        round: r.round,
        kind: r.kind,
        source: r.source,
        assignedAt: r.created_at,
        completedAt: r.completed_at,
        cancelledAt: r.cancelled_at,
      })),
    };
  },
  async erase() {
    return {};
  },
};

/**
 * Feedback given (their text) and received (the giver's text and display name: the person sees who
 * gave it on screen, and art. 15(1)(g) gives them its source). Kept until the retention schedule.
 */
export const feedback: PersonDataHandler = {
  categories: [ProcessingCategory.PUBLISHED_WORK],
  entity: FeedbackEntity,
  personColumns: ['author_id'],
  exported:
    "Feedback they gave (cohort, round, kind, the three parts, section, helpful mark) and received (the same, with the giver's display name).",
  erased: 'Kept until the retention schedule (PUBLISHED_WORK); the feedback they gave names the placeholder.',
  async export({ m, person }) {
    // A protected giver (ADR 0031) appears by pseudonym: the file goes to a peer.
    const select = `SELECT f.id, c.name AS cohort, r.number AS round, f.kind, f.works_well, f.questions, f.next_steps,
              f.section_key, f.marked_helpful_at, f.created_at, av.version, CASE WHEN p.protected_identity THEN p.pseudonym ELSE p.full_name END AS giver
         FROM feedback f JOIN analysis a ON a.id = f.analysis_id JOIN analysis_round r ON r.id = a.round_id
         JOIN cohort c ON c.id = a.cohort_id JOIN analysis_version av ON av.id = f.analysis_version_id
         JOIN person p ON p.id = f.author_id`;
    type Row = {
      id: string;
      cohort: string;
      round: number;
      kind: string;
      works_well: string;
      questions: string;
      next_steps: string;
      section_key: string | null;
      marked_helpful_at: Date | null;
      created_at: Date;
      version: number;
      giver: string;
    };
    const given: Row[] = await m.query(`${select} WHERE f.author_id = $1 ORDER BY f.created_at`, [person.id]);
    const received: Row[] = await m.query(`${select} WHERE a.author_id = $1 ORDER BY f.created_at`, [
      person.id,
    ]);
    const shape = (r: Row) => ({
      id: r.id,
      cohort: r.cohort,
      round: r.round,
      onVersion: r.version,
      kind: r.kind,
      worksWell: r.works_well,
      questions: r.questions,
      nextSteps: r.next_steps,
      section: r.section_key,
      markedHelpfulAt: r.marked_helpful_at,
      givenAt: r.created_at,
    });
    return {
      feedbackGiven: given.map(shape),
      feedbackReceived: received.map((r) => ({ ...shape(r), from: r.giver })),
    };
  },
  async erase() {
    return {};
  },
};

/** Replies and leader notes they wrote: exported; kept until the retention schedule. */
export const feedbackComments: PersonDataHandler = {
  categories: [ProcessingCategory.PUBLISHED_WORK],
  entity: FeedbackCommentEntity,
  personColumns: ['author_id'],
  exported: 'Each reply or leader note they wrote: kind, on which feedback, text, when.',
  erased: 'Kept until the retention schedule (PUBLISHED_WORK); it names the placeholder.',
  async export({ m, person }) {
    const rows = await m.find(FeedbackCommentEntity, {
      where: { authorId: person.id },
      order: { createdAt: 'ASC' },
    });
    return {
      replies: rows.map((c) => ({
        kind: c.kind,
        feedbackId: c.feedbackId,
        body: c.body,
        writtenAt: c.createdAt,
      })),
    };
  },
  async erase() {
    return {};
  },
};

/** Allocations a course leader applied: exported as rounds and dates; kept (who decided is the record). */
export const roundAllocations: PersonDataHandler = {
  categories: [ProcessingCategory.COURSE_RECORDS],
  entity: RoundAllocationEntity,
  personColumns: ['applied_by_id'],
  exported: 'Rounds whose critical-friend allocation they applied, and when.',
  erased: 'Kept: who applied an allocation is part of the course record; it names the placeholder.',
  async export({ m, person }) {
    const rows: { cohort: string; round: number; applied_at: Date }[] = await m.query(
      `SELECT c.name AS cohort, r.number AS round, ra.applied_at
         FROM round_allocation ra JOIN analysis_round r ON r.id = ra.round_id JOIN cohort c ON c.id = r.cohort_id
        WHERE ra.applied_by_id = $1 ORDER BY ra.applied_at`,
      [person.id],
    );
    return {
      allocationsApplied: rows.map((r) => ({ cohort: r.cohort, round: r.round, appliedAt: r.applied_at })),
    };
  },
  async erase() {
    return {};
  },
};

/** Template versions they made: exported; the version keeps no author (it outlives them, ADR 0011). */
export const templateVersions: PersonDataHandler = {
  categories: [ProcessingCategory.COURSE_RECORDS],
  entity: AnalysisTemplateVersionEntity,
  personColumns: ['created_by_id'],
  exported: 'Analysis template versions they made: template, version, when.',
  erased: 'The version is kept without its author.',
  async export({ m, person }) {
    const rows: { template: string; version: number; created_at: Date }[] = await m.query(
      `SELECT t.name AS template, v.version, v.created_at
         FROM analysis_template_version v JOIN analysis_template t ON t.id = v.template_id
        WHERE v.created_by_id = $1 ORDER BY v.created_at`,
      [person.id],
    );
    return {
      templateVersions: rows.map((r) => ({
        template: r.template,
        version: r.version,
        createdAt: r.created_at,
      })),
    };
  },
  async erase({ m, person }) {
    const { affected } = await m.update(
      AnalysisTemplateVersionEntity,
      { createdById: person.id },
      { createdById: null },
    );
    return { templateVersionsAuthored: affected ?? 0 };
  },
};

/** The draft history (ADR 0028): personal working material, like the draft itself. */
export const draftSnapshots: PersonDataHandler = {
  categories: [ProcessingCategory.WORKING_MATERIAL],
  entity: AnalysisDraftSnapshotEntity,
  personColumns: ['saved_by_id'],
  exported:
    'Every earlier draft text kept for them: which analysis, revision, why it was kept, when, the text.',
  erased: 'Deleted: the history of a draft is working material, erased on request with the draft.',
  async export({ m, person }) {
    const rows = await m.find(AnalysisDraftSnapshotEntity, {
      where: { savedById: person.id },
      order: { savedAt: 'ASC', revision: 'ASC' },
    });
    return {
      draftHistory: rows.map((r) => ({
        analysisId: r.analysisId,
        revision: r.revision,
        kind: r.kind,
        savedAt: r.savedAt,
        answers: r.answers,
      })),
    };
  },
  async erase({ m, person }) {
    const deleted = await changedRows(
      m,
      `DELETE FROM analysis_draft_snapshot WHERE saved_by_id = $1 RETURNING id`,
      [person.id],
    );
    return { draftSnapshots: deleted.length };
  },
};

/** Comments anchored to passages (ADR 0026): part of the feedback, so kept like replies. */
export const passageComments: PersonDataHandler = {
  categories: [ProcessingCategory.PUBLISHED_WORK],
  entity: PassageCommentEntity,
  personColumns: ['author_id'],
  exported:
    'Each comment they anchored to a passage: which analysis and version, section, the passage, text, when.',
  erased: 'Kept until the retention schedule (PUBLISHED_WORK); it names the placeholder.',
  async export({ m, person }) {
    const rows = await m.find(PassageCommentEntity, {
      where: { authorId: person.id },
      order: { createdAt: 'ASC' },
    });
    return {
      passageComments: rows.map((c) => ({
        analysisId: c.analysisId,
        analysisVersionId: c.analysisVersionId,
        sectionKey: c.sectionKey,
        passage: c.exact,
        body: c.body,
        writtenAt: c.createdAt,
      })),
    };
  },
  async erase() {
    return {};
  },
};

/** Next steps an author chose to try from their feedback (ADR 0035): their own plan, deleted on erasure. */
export const nextStepChoices: PersonDataHandler = {
  categories: [ProcessingCategory.WORKING_MATERIAL],
  entity: NextStepChoiceEntity,
  personColumns: ['person_id'],
  exported: 'Each next step they chose to try: which feedback, the sentence, when.',
  erased: 'Deleted: a plan of their own, of no use to the cohort without them.',
  async export({ m, person }) {
    const rows = await m.find(NextStepChoiceEntity, {
      where: { personId: person.id },
      order: { createdAt: 'ASC' },
    });
    return {
      nextStepChoices: rows.map((c) => ({ feedbackId: c.feedbackId, step: c.step, chosenAt: c.createdAt })),
    };
  },
  async erase({ m, person }) {
    const deleted = await changedRows(m, `DELETE FROM next_step_choice WHERE person_id = $1 RETURNING id`, [
      person.id,
    ]);
    return { nextStepChoices: deleted.length };
  },
};

/**
 * Requests to show feedback as a good example (ADR 0035): exported for the writer and the leader
 * who asked. Erasing the writer deletes them (no consent stands without the person); erasing the
 * leader keeps them, naming the placeholder.
 */
export const feedbackExamples: PersonDataHandler = {
  categories: [ProcessingCategory.PUBLISHED_WORK],
  entity: FeedbackExampleEntity,
  personColumns: ['writer_id', 'asked_by_id'],
  exported:
    'Each request to show feedback as a good example they wrote or asked for: which feedback, the answer, when.',
  erased:
    'Deleted when they wrote the feedback (a consent needs its person); kept when they asked, naming the placeholder.',
  async export({ m, person }) {
    const rows = await m.find(FeedbackExampleEntity, {
      where: [{ writerId: person.id }, { askedById: person.id }],
      order: { createdAt: 'ASC' },
    });
    return {
      feedbackExamples: rows.map((e) => ({
        feedbackId: e.feedbackId,
        role: e.writerId === person.id ? 'writer' : 'asked',
        consent: e.consent,
        askedAt: e.createdAt,
        answeredAt: e.answeredAt,
      })),
    };
  },
  async erase({ m, person }) {
    const deleted = await changedRows(m, `DELETE FROM feedback_example WHERE writer_id = $1 RETURNING id`, [
      person.id,
    ]);
    return { feedbackExamples: deleted.length };
  },
};
