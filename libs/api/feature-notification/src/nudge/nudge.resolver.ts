import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import {
  NudgeParticipantInput,
  NudgeParticipantsInput,
  NudgeParticipantsResultModel,
  NudgeResultModel,
} from './nudge.models';
import { NudgeService } from './nudge.service';

@Resolver()
@SignedIn()
export class NudgeResolver {
  constructor(private readonly nudges: NudgeService) {}

  @Mutation(() => NudgeResultModel, {
    description:
      'Course leaders (and administrators): e-mails a participant a reminder with your words and what they have missed, the button opening their oldest overdue task and Reply-To you. At most one per participant and day; a second one the same day is ALREADY_TODAY and sends nothing. During the quiet hours the mail waits (sendsAt).',
  })
  nudgeParticipant(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'Whom to remind, and your words.' }) input: NudgeParticipantInput,
  ): Promise<NudgeResultModel> {
    return this.nudges.nudge(actor, input);
  }

  @Mutation(() => NudgeParticipantsResultModel, {
    description:
      'Course leaders (and administrators): the same reminder as nudgeParticipant to several participants in one action, all or none (one transaction). A result per participant; sendsAt says when the mail goes out if the quiet hours hold it.',
  })
  nudgeParticipants(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'Whom to remind, and your words.' }) input: NudgeParticipantsInput,
  ): Promise<NudgeParticipantsResultModel> {
    return this.nudges.nudgeMany(actor, input);
  }
}
