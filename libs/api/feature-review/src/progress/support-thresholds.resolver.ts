import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { ParseIdPipe } from '@stl/api/util-graphql';
import { SetSupportThresholdsInput, SupportThresholdsModel } from './support-thresholds.models';
import { SupportThresholdsService } from './support-thresholds.service';

@Resolver(() => SupportThresholdsModel)
@SignedIn()
export class SupportThresholdsResolver {
  constructor(private readonly thresholds: SupportThresholdsService) {}

  @Query(() => SupportThresholdsModel, {
    description:
      "The organisation's thresholds of the support signal (course rule 8), or the defaults. Anyone signed in to the organisation may read them (they explain the signal); NOT_FOUND for another organisation.",
  })
  supportThresholds(
    @Args('organisationId', { type: () => ID, description: 'The organisation.' }, ParseIdPipe)
    organisationId: string,
    @CurrentActor() actor: Actor,
  ): Promise<SupportThresholdsModel> {
    return this.thresholds.get(actor, organisationId);
  }

  @Mutation(() => SupportThresholdsModel, {
    description:
      "Sets the organisation's thresholds of the support signal; administrators of the organisation only (FORBIDDEN otherwise, NOT_FOUND for another organisation). BAD_USER_INPUT with field problems (INVALID) for a value out of range or needing support starting before being behind; nothing is saved then.",
  })
  setSupportThresholds(
    @Args('input', { description: 'The organisation and its new thresholds.' })
    input: SetSupportThresholdsInput,
    @CurrentActor() actor: Actor,
  ): Promise<SupportThresholdsModel> {
    return this.thresholds.set(actor, input);
  }
}
