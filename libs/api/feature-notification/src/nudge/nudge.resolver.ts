import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { NudgeParticipantInput, NudgeResultModel } from './nudge.models';
import { NudgeService } from './nudge.service';

@Resolver()
@SignedIn()
export class NudgeResolver {
  constructor(private readonly nudges: NudgeService) {}

  @Mutation(() => NudgeResultModel, {
    description:
      'Course leaders (and administrators): e-mails a participant a reminder with your words and what they have missed. At most one per participant and day; a second one the same day is ALREADY_TODAY and sends nothing.',
  })
  nudgeParticipant(
    @CurrentActor() actor: Actor,
    @Args('input') input: NudgeParticipantInput,
  ): Promise<NudgeResultModel> {
    return this.nudges.nudge(actor, input);
  }
}
