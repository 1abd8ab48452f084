import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

const WHO =
  "Visible to the organisation's administrators (every cohort) and to course leaders (the cohorts they lead).";

@ObjectType('FeedbackTurnaround', {
  description: `How long published analyses waited for their first feedback of one kind, from first publication, in hours. ${WHO}`,
})
export class FeedbackTurnaroundModel {
  @Field(() => Int, {
    description: 'Published analyses that have had this feedback (the percentiles are over these).',
  })
  received!: number;

  @Field(() => Int, {
    description: 'Published analyses still waiting for this feedback (not in the percentiles).',
  })
  waiting!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Median hours from first publication to the first such feedback; null when none has had it.',
  })
  medianHours!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      '90th percentile of those hours (interpolated between the two nearest analyses, as PostgreSQL percentile_cont); null when none has had it.',
  })
  p90Hours!: number | null;
}

@ObjectType('DashboardFigures', {
  description: `The follow-up figures of one group of participants (all of them, a school, a cohort or a school year), computed from the facts by the course's rules (rule 6 completion, rule 8 support, the progress matrix's overdue flags) at the time of the request. A person in two cohorts counts twice. ${WHO}`,
})
export class DashboardFiguresModel {
  @Field(() => ID, {
    nullable: true,
    description:
      'The school or cohort of the group; null for the whole selection, for a school year, and for participants enrolled from no school.',
  })
  id!: string | null;

  @Field({
    description:
      'What the group is called: the school\'s or cohort\'s name, the school year ("2026/27"), or empty for the whole selection and for participants enrolled from no school.',
  })
  label!: string;

  @Field(() => Int, { description: 'Current participants (not withdrawn) in the group.' })
  participants!: number;

  @Field(() => Int, { description: 'Participants who have completed the course (rule 6).' })
  completed!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'completed / participants, 0–1; null when the group has no participants.',
  })
  completionRate!: number | null;

  @Field(() => Int, { description: 'Participants with support level ON_TRACK (course rule 8).' })
  onTrack!: number;

  @Field(() => Int, { description: 'Participants with support level BEHIND.' })
  behind!: number;

  @Field(() => Int, { description: 'Participants with support level NEEDS_SUPPORT.' })
  needsSupport!: number;

  @Field(() => Int, { description: "The participants' published analyses, in all rounds." })
  publishedAnalyses!: number;

  @Field(() => Int, {
    description:
      'Analyses past their submission deadline and not published (the matrix\'s "submission overdue").',
  })
  overdueAnalyses!: number;

  @Field(() => Int, {
    description:
      'Published analyses past the feedback deadline still missing leader or critical-friend feedback (the matrix\'s "feedback overdue"; owed by others).',
  })
  overdueFeedback!: number;

  @Field(() => Int, {
    description:
      "The participants' own critical-friend assignments still open after their round's feedback deadline.",
  })
  overdueReviewTasks!: number;

  @Field(() => Int, {
    description:
      'Meetings held so far, summed over the participants (each participant counts each meeting of their cohort).',
  })
  meetingsHeld!: number;

  @Field(() => Int, { description: 'Of those, the meetings participants were recorded present at.' })
  meetingsAttended!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'meetingsAttended / meetingsHeld, 0–1; null before any meeting has been held.',
  })
  attendanceRate!: number | null;

  @Field(() => FeedbackTurnaroundModel, { description: 'Publication to the first critical-friend feedback.' })
  peerTurnaround!: FeedbackTurnaroundModel;

  @Field(() => FeedbackTurnaroundModel, { description: "Publication to the first course leader's feedback." })
  leaderTurnaround!: FeedbackTurnaroundModel;
}

@ObjectType('DashboardRound', {
  description: `Published analyses of one round number across the selected cohorts (round 3 of every cohort together). ${WHO}`,
})
export class DashboardRoundModel {
  @Field(() => Int, { description: 'The round number in its cohorts.' })
  number!: number;

  @Field(() => Int, { description: 'Participants whose cohort has a round with this number.' })
  participants!: number;

  @Field(() => Int, { description: 'Of those, the participants whose analysis of the round is published.' })
  published!: number;
}

@ObjectType('DashboardOption', { description: `A school or cohort the dashboard can be narrowed to. ${WHO}` })
export class DashboardOptionModel {
  @Field(() => ID, { description: 'The school or cohort.' })
  id!: string;

  @Field({ description: 'Its name.' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'For a cohort: its school year ("2026/27"); null for a school.',
  })
  schoolYear!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'For a cohort: its first day (YYYY-MM-DD); null for a school.',
  })
  startsOn!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'For a cohort: its last day (YYYY-MM-DD); null for a school.',
  })
  endsOn!: string | null;
}

@ObjectType('OrganisationDashboard', {
  description: `The organisation's follow-up across cohorts and schools (issue 14): the selection's figures, the same per school and per cohort, published analyses per round, and the figures of every school year for comparison. ${WHO} Course leaders see only the cohorts they lead.`,
})
export class OrganisationDashboardModel {
  @Field(() => ID, { description: 'The organisation.' })
  organisationId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The school year shown; null when the viewer has no cohorts at all.',
  })
  schoolYear!: string | null;

  @Field(() => ID, { nullable: true, description: 'The school the selection is narrowed to, if any.' })
  schoolId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The cohort the selection is narrowed to, if any.' })
  cohortId!: string | null;

  @Field(() => [String], {
    description: 'The school years with cohorts the viewer may follow, newest first.',
  })
  schoolYears!: string[];

  @Field(() => [DashboardOptionModel], {
    description:
      "The organisation's schools (for a course leader: those their participants come from), by name.",
  })
  schools!: DashboardOptionModel[];

  @Field(() => [DashboardOptionModel], {
    description: 'The cohorts of the school year shown that the viewer may follow, by name.',
  })
  cohorts!: DashboardOptionModel[];

  @Field(() => DashboardFiguresModel, {
    description: 'The figures of the whole selection (the school year shown).',
  })
  total!: DashboardFiguresModel;

  @Field(() => [DashboardFiguresModel], {
    description:
      'The same per school the participants are enrolled from, by name; participants from no school last.',
  })
  bySchool!: DashboardFiguresModel[];

  @Field(() => [DashboardFiguresModel], { description: 'The same per cohort, by name.' })
  byCohort!: DashboardFiguresModel[];

  @Field(() => [DashboardFiguresModel], {
    description:
      'The same per school year (every year, under the school and cohort filters), oldest first, to compare years.',
  })
  bySchoolYear!: DashboardFiguresModel[];

  @Field(() => [DashboardRoundModel], {
    description: 'Published analyses per round number, in number order.',
  })
  rounds!: DashboardRoundModel[];

  @Field(() => GraphQLISODateTime, {
    description: 'The moment the figures refer to (overdue, meetings held).',
  })
  computedAt!: Date;
}
