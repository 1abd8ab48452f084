import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CohortReminderSettingsEntity } from '@stl/api/data-access-db';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { ParseIdPipe } from '@stl/api/util-graphql';
import { CohortReminderSettingsInput } from './dto/cohort-reminder-settings.input';
import { CohortReminderSettingsService } from './cohort-reminder-settings.service';

@Resolver(() => CohortReminderSettingsEntity)
@SignedIn()
export class CohortReminderSettingsResolver {
  constructor(private readonly settings: CohortReminderSettingsService) {}

  @Query(() => CohortReminderSettingsEntity, {
    description: "When the cohort's reminders go out (leaders and administrators).",
  })
  cohortReminderSettings(
    @CurrentActor() actor: Actor,
    @Args('cohortId', { type: () => ID, description: 'The cohort.' }, ParseIdPipe) cohortId: string,
  ): Promise<CohortReminderSettingsEntity> {
    return this.settings.read(actor, cohortId);
  }

  @Mutation(() => CohortReminderSettingsEntity, {
    description:
      "Changes when a cohort's reminders go out; its course leaders and the organisation's administrators.",
  })
  updateCohortReminderSettings(
    @CurrentActor() actor: Actor,
    @Args('cohortId', { type: () => ID, description: 'The cohort.' }, ParseIdPipe) cohortId: string,
    @Args('input', { description: 'The settings to change.' }) input: CohortReminderSettingsInput,
  ): Promise<CohortReminderSettingsEntity> {
    return this.settings.update(actor, cohortId, input);
  }
}
