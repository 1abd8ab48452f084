/**
 * The floor of each benchmarked operation (issue 13): the same answer as the API's, from one
 * hand-written SQL statement over `pg`, so the benchmark can say how far the product is from what
 * the database alone needs. Each reads only the columns the answer shows and aggregates in SQL.
 * Where the product's rule is richer than what the statement computes (the support grading), the
 * statement still reads every fact the rule needs (per-round status, feedback, tasks, attendance).
 */

/** The viewer, from the session cookie's hash: what `me` answers. $1 = sha256(token) hex. */
export const ME = `
SELECT p.email, p.id, p.full_name, p.locale, p.school_id, o.id AS organisation_id, o.name AS organisation_name,
       p.platform_operator,
       (SELECT coalesce(json_agg(json_build_object('role', g.role, 'schoolId', g.school_id)), '[]')
          FROM role_grant g WHERE g.person_id = p.id) AS roles
  FROM session s JOIN person p ON p.id = s.person_id LEFT JOIN organisation o ON o.id = p.organisation_id
 WHERE s.id = $1 AND s.expires_at > now() AND p.active`;

/** `cohorts(first: 50)` with meetings, rounds, the viewer's role and rights. $1 = person. */
export const MY_COHORTS = `
WITH admin_orgs AS (SELECT organisation_id FROM role_grant WHERE person_id = $1 AND role = 'ADMINISTRATOR'),
mine AS (SELECT cohort_id, min(role) AS role FROM cohort_membership WHERE person_id = $1 AND left_at IS NULL GROUP BY 1),
vis AS (
  SELECT c.id, c.name, c.status, c.school_year, c.starts_on, c.ends_on,
         coalesce(m.role, 'ADMINISTRATOR') AS viewer_role,
         (m.role = 'LEADER' OR c.organisation_id IN (SELECT organisation_id FROM admin_orgs)) AS viewer_can_manage
    FROM cohort c LEFT JOIN mine m ON m.cohort_id = c.id
   WHERE m.cohort_id IS NOT NULL OR c.organisation_id IN (SELECT organisation_id FROM admin_orgs)
   ORDER BY c.starts_on DESC, c.id LIMIT 50)
SELECT v.*,
       (SELECT json_agg(json_build_object('id', x.id, 'number', x.number, 'title', x.title, 'theme', x.theme,
                 'startsAt', x.starts_at, 'endsAt', x.ends_at, 'mode', x.mode, 'location', x.location,
                 'videoUrl', x.video_url) ORDER BY x.number) FROM meeting x WHERE x.cohort_id = v.id) AS meetings,
       (SELECT json_agg(json_build_object('id', r.id, 'number', r.number, 'title', r.title, 'opensAt', r.opens_at,
                 'submissionDeadline', r.submission_deadline, 'feedbackDeadline', r.feedback_deadline,
                 'meetingId', r.meeting_id) ORDER BY r.number) FROM analysis_round r WHERE r.cohort_id = v.id) AS rounds
  FROM vis v ORDER BY v.starts_on DESC, v.id`;

/**
 * Progress rows (cohortProgress's ProgressRow, myProgress): per participant and round, the
 * analysis, its leader and peer feedback, the participant's own tasks, and attendance.
 * $1 = cohort, $2 = one participant or NULL for the first page of 100 by name.
 */
export const PROGRESS = `
WITH parts AS (
  SELECT cm.person_id, p.full_name, cm.school_id, s.name AS school_name, cm.left_at
    FROM cohort_membership cm JOIN person p ON p.id = cm.person_id LEFT JOIN school s ON s.id = cm.school_id
   WHERE cm.cohort_id = $1 AND cm.role = 'PARTICIPANT' AND cm.left_at IS NULL
     AND ($2::uuid IS NULL OR cm.person_id = $2::uuid)
   ORDER BY p.full_name, p.id LIMIT 100),
rounds AS (SELECT id, number, submission_deadline, feedback_deadline FROM analysis_round WHERE cohort_id = $1),
an AS (SELECT a.id, a.author_id, a.round_id, a.status, a.published_version FROM analysis a
        WHERE a.cohort_id = $1 AND a.author_id IN (SELECT person_id FROM parts)),
fb AS (SELECT f.analysis_id, count(*) FILTER (WHERE f.kind = 'LEADER') AS leader, count(*) FILTER (WHERE f.kind = 'PEER') AS peer
         FROM feedback f WHERE f.analysis_id IN (SELECT id FROM an) GROUP BY 1),
tasks AS (SELECT ra.reviewer_id, ra.round_id, count(*) AS total, count(ra.completed_at) AS done,
                 count(*) FILTER (WHERE ra.completed_at IS NULL AND r.feedback_deadline < now()) AS overdue
            FROM review_assignment ra JOIN rounds r ON r.id = ra.round_id
           WHERE ra.cohort_id = $1 AND ra.kind = 'PEER' AND ra.cancelled_at IS NULL
             AND ra.reviewer_id IN (SELECT person_id FROM parts) GROUP BY 1, 2),
att AS (SELECT a.person_id, count(*) FILTER (WHERE a.status = 'PRESENT') AS present, count(*) AS recorded
          FROM attendance a JOIN meeting m ON m.id = a.meeting_id
         WHERE m.cohort_id = $1 AND m.starts_at < now() AND a.person_id IN (SELECT person_id FROM parts) GROUP BY 1)
SELECT p.person_id, p.full_name, p.school_id, p.school_name, p.left_at, att.present, att.recorded,
       (SELECT count(*) FROM cohort_membership WHERE cohort_id = $1 AND role = 'PARTICIPANT' AND left_at IS NULL) AS total_count,
       count(an.id) FILTER (WHERE an.published_version > 0) AS published_count,
       bool_and(an.published_version > 0 AND fb.leader > 0 AND fb.peer > 0 AND coalesce(t.done, 0) = coalesce(t.total, 0)) AS complete_rounds,
       json_agg(json_build_object('roundId', r.id, 'number', r.number, 'status', coalesce(an.status, 'NOT_STARTED'),
         'published', coalesce(an.published_version, 0) > 0, 'leaderFeedback', coalesce(fb.leader, 0) > 0,
         'peerFeedbackCount', coalesce(fb.peer, 0), 'submissionOverdue', an.id IS NULL AND r.submission_deadline < now(),
         'feedbackOverdue', r.feedback_deadline < now() AND coalesce(fb.leader, 0) = 0,
         'tasksDone', coalesce(t.done, 0), 'tasksTotal', coalesce(t.total, 0), 'tasksOverdue', coalesce(t.overdue, 0))
         ORDER BY r.number) AS rounds
  FROM parts p CROSS JOIN rounds r
  LEFT JOIN an ON an.author_id = p.person_id AND an.round_id = r.id
  LEFT JOIN fb ON fb.analysis_id = an.id
  LEFT JOIN tasks t ON t.reviewer_id = p.person_id AND t.round_id = r.id
  LEFT JOIN att ON att.person_id = p.person_id
 GROUP BY p.person_id, p.full_name, p.school_id, p.school_name, p.left_at, att.present, att.recorded
 ORDER BY p.full_name, p.person_id`;

/** The review page: the cohort and the viewer's critical-friend tasks in it. $1 = cohort, $2 = person. */
export const REVIEW_TASKS = `
SELECT c.id, c.name, c.feedback_min_length,
       (SELECT coalesce(json_agg(t ORDER BY t.due_at, t.id), '[]') FROM (
          SELECT ra.id, ra.kind, ra.completed_at IS NOT NULL AS done, r.feedback_deadline AS due_at, ra.completed_at,
                 ra.analysis_id, ra.round_id, r.number, r.title, a.author_id, p.full_name
            FROM review_assignment ra JOIN analysis_round r ON r.id = ra.round_id
            JOIN analysis a ON a.id = ra.analysis_id JOIN person p ON p.id = a.author_id
           WHERE ra.cohort_id = c.id AND ra.reviewer_id = $2 AND ra.cancelled_at IS NULL) t) AS tasks
  FROM cohort c
 WHERE c.id = $1 AND EXISTS (SELECT 1 FROM cohort_membership m WHERE m.cohort_id = c.id AND m.person_id = $2 AND m.left_at IS NULL)`;

/** Home's open tasks (myReviewTasks(done: false)). $1 = cohort, $2 = person. */
export const OPEN_TASKS = `
SELECT ra.id, r.feedback_deadline AS due_at, ra.kind, a.id AS analysis_id, p.full_name, r.number, r.title
  FROM review_assignment ra JOIN analysis_round r ON r.id = ra.round_id
  JOIN analysis a ON a.id = ra.analysis_id JOIN person p ON p.id = a.author_id
 WHERE ra.cohort_id = $1 AND ra.reviewer_id = $2 AND ra.cancelled_at IS NULL AND ra.completed_at IS NULL
 ORDER BY r.feedback_deadline, ra.id`;

/** The shared space's first page of 25, its total, and the cohort's rounds. $1 = cohort, $2 = person. */
export const SHARED_SPACE = `
SELECT c.id, c.name,
       (SELECT json_agg(json_build_object('id', r.id, 'number', r.number, 'title', r.title) ORDER BY r.number)
          FROM analysis_round r WHERE r.cohort_id = c.id) AS rounds,
       (SELECT count(*) FROM analysis a WHERE a.cohort_id = c.id AND a.status = 'PUBLISHED') AS total_count,
       (SELECT json_agg(x) FROM (
          SELECT a.id, a.published_version, a.last_published_at, a.first_published_at > r.submission_deadline AS late,
                 p.id AS author_id, p.full_name, r.id AS round_id, r.number, r.title
            FROM analysis a JOIN person p ON p.id = a.author_id JOIN analysis_round r ON r.id = a.round_id
           WHERE a.cohort_id = c.id AND a.status = 'PUBLISHED'
           ORDER BY a.last_published_at DESC, a.id LIMIT 26) x) AS page
  FROM cohort c
 WHERE c.id = $1 AND EXISTS (SELECT 1 FROM cohort_membership m WHERE m.cohort_id = c.id AND m.person_id = $2 AND m.left_at IS NULL)`;

/** People search (AdminPeople, first 25): $1 = organisation, $2 = '%part%'. */
export const PEOPLE = `
SELECT count(*) OVER () AS total_count, p.id, p.full_name, p.email, p.active, p.locale, p.school_id, s.name AS school_name,
       (SELECT json_agg(json_build_object('id', g.id, 'role', g.role, 'schoolId', g.school_id)) FROM role_grant g
         WHERE g.person_id = p.id) AS roles,
       (SELECT json_build_object('sentAt', t.created_at, 'expiresAt', t.expires_at, 'acceptedAt', t.used_at)
          FROM account_token t WHERE t.person_id = p.id AND t.purpose = 'INVITATION' ORDER BY t.created_at DESC LIMIT 1) AS invitation
  FROM person p LEFT JOIN school s ON s.id = p.school_id
 WHERE p.organisation_id = $1 AND (p.full_name ILIKE $2 OR p.email ILIKE $2)
 ORDER BY p.full_name, p.id LIMIT 26`;

/** saveAnalysisDraft: one section replaced, revision checked and bumped. $1 analysis, $2 author, $3 revision, $4 key, $5 html. */
export const SAVE_DRAFT = `
UPDATE analysis SET
       draft_answers = (SELECT jsonb_agg(CASE WHEN e->>0 = $4 THEN jsonb_build_array($4::text, $5::text) ELSE e END ORDER BY o)
                          FROM jsonb_array_elements(draft_answers) WITH ORDINALITY x(e, o)),
       draft_revision = draft_revision + 1, draft_saved_at = now(), updated_at = now()
 WHERE id = $1 AND author_id = $2 AND draft_revision = $3
RETURNING id, status, published_version, draft_revision, draft_saved_at, draft_answers`;

/** publishAnalysis: the draft becomes the next version. $1 analysis, $2 author. */
export const PUBLISH = `
WITH a AS (
  UPDATE analysis SET published_version = published_version + 1, status = 'PUBLISHED', last_published_at = now(),
         first_published_at = coalesce(first_published_at, now()), updated_at = now()
   WHERE id = $1 AND author_id = $2 RETURNING id, published_version, draft_answers, last_published_at, status)
INSERT INTO analysis_version (analysis_id, version, answers, privacy_confirmed_at)
SELECT id, published_version, draft_answers, now() FROM a
RETURNING analysis_id, version, published_at`;

/** giveFeedback: feedback on the current version, and the assignment completed. $1 assignment, $2 reviewer, $3–$5 texts. */
export const GIVE_FEEDBACK = `
WITH f AS (
  INSERT INTO feedback (assignment_id, analysis_id, analysis_version_id, author_id, kind, works_well, questions, next_steps)
  SELECT ra.id, ra.analysis_id, v.id, ra.reviewer_id, ra.kind, $3, $4, $5
    FROM review_assignment ra JOIN analysis a ON a.id = ra.analysis_id
    JOIN analysis_version v ON v.analysis_id = a.id AND v.version = a.published_version
   WHERE ra.id = $1 AND ra.reviewer_id = $2 AND ra.completed_at IS NULL AND ra.cancelled_at IS NULL
  RETURNING id, assignment_id, created_at, works_well, questions, next_steps, kind)
UPDATE review_assignment ra SET completed_at = now(), updated_at = now() FROM f WHERE ra.id = f.assignment_id
RETURNING f.*`;

/** signIn: the account by e-mail (the password hash is then verified in Node, as the API does). */
export const SIGN_IN = `
SELECT p.id, p.password_hash, p.full_name, p.locale, p.school_id, p.organisation_id FROM person p
 WHERE p.email = $1 AND p.active`;
