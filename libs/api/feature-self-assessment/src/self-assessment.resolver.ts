import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { ParseIdPipe } from '@stl/api/util-graphql';
import {
  SelfAssessmentPromptModel,
  SelfAssessmentQuestionModel,
  SelfAssessmentResultsModel,
  SetSelfAssessmentQuestionsInput,
  SubmitSelfAssessmentInput,
} from './self-assessment.models';
import { SelfAssessmentService } from './self-assessment.service';

@Resolver(() => SelfAssessmentQuestionModel)
@SignedIn()
export class SelfAssessmentResolver {
  constructor(private readonly selfAssessment: SelfAssessmentService) {}

  @Query(() => [SelfAssessmentQuestionModel], {
    description:
      "The organisation's self-assessment statements in form order (the built-in ones until an administrator changes them). Anyone signed in to the organisation; NOT_FOUND for another organisation.",
  })
  selfAssessmentQuestions(
    @Args('organisationId', { type: () => ID, description: 'The organisation.' }, ParseIdPipe)
    organisationId: string,
    @Args('includeRetired', {
      defaultValue: false,
      description: 'Also the statements taken off the form (administrators editing the list).',
    })
    includeRetired: boolean,
    @CurrentActor() actor: Actor,
  ): Promise<SelfAssessmentQuestionModel[]> {
    return this.selfAssessment.questions(actor, organisationId, includeRetired);
  }

  @Mutation(() => [SelfAssessmentQuestionModel], {
    description:
      "Saves the organisation's whole list of statements in order; statements left out are taken off the form (kept while answers refer to them). Administrators of the organisation only (FORBIDDEN otherwise, NOT_FOUND for another organisation); BAD_USER_INPUT (REQUIRED, TOO_LONG, DUPLICATE_KEY, NOT_FOUND per field) saves nothing.",
  })
  setSelfAssessmentQuestions(
    @Args('input', { description: 'The organisation and its statements in order.' })
    input: SetSelfAssessmentQuestionsInput,
    @CurrentActor() actor: Actor,
  ): Promise<SelfAssessmentQuestionModel[]> {
    return this.selfAssessment.setQuestions(actor, input);
  }

  @Query(() => [SelfAssessmentPromptModel], {
    description:
      'The self-assessments the signed-in participant may answer now (one per cohort whose window is open), with whether they have. Only their own; empty for anyone who takes part in no cohort.',
  })
  mySelfAssessments(@CurrentActor() actor: Actor): Promise<SelfAssessmentPromptModel[]> {
    return this.selfAssessment.myPrompts(actor);
  }

  @Mutation(() => SelfAssessmentPromptModel, {
    description:
      "Saves the signed-in participant's answers to the open self-assessment of a cohort (again while open: replaces the earlier answers). Participants of the cohort only (FORBIDDEN for its leaders and administrators, NOT_FOUND outside it); BAD_USER_INPUT when the phase is not open or a statement is missing, repeated or unknown.",
  })
  submitSelfAssessment(
    @Args('input', { description: 'The cohort, the phase and one value per statement.' })
    input: SubmitSelfAssessmentInput,
    @CurrentActor() actor: Actor,
  ): Promise<SelfAssessmentPromptModel> {
    return this.selfAssessment.submit(actor, input);
  }

  @Query(() => SelfAssessmentResultsModel, {
    description:
      "The self-assessment's change per cohort and per school: respondents and means before and after, only for groups of five or more respondents (never one person's answers). Administrators of the organisation (all cohorts) and its course leaders (the cohorts they lead); FORBIDDEN for teachers and school leaders, NOT_FOUND for another organisation.",
  })
  selfAssessmentResults(
    @Args('organisationId', { type: () => ID, description: 'The organisation.' }, ParseIdPipe)
    organisationId: string,
    @Args('schoolYear', {
      type: () => String,
      nullable: true,
      description: 'Only cohorts of this school year, e.g. "2026/27"; all when left out.',
    })
    schoolYear: string | null,
    @CurrentActor() actor: Actor,
  ): Promise<SelfAssessmentResultsModel> {
    return this.selfAssessment.results(actor, organisationId, schoolYear ?? null);
  }
}
