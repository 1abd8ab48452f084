import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { ParseIdPipe } from '@stl/api/util-graphql';
import { RecordOfProcessingModel } from '../record/record-of-processing.models';
import { RetentionScheduleModel, SetRetentionScheduleInput } from './retention.models';
import { RetentionService } from './retention.service';

@Resolver(() => RetentionScheduleModel)
@SignedIn()
export class RetentionResolver {
  constructor(private readonly retention: RetentionService) {}

  @Query(() => RetentionScheduleModel, {
    description:
      "The organisation's retention schedule (gallringsplan): per kind of record, how many months it is kept. Administrators of the organisation only (FORBIDDEN otherwise, NOT_FOUND for another organisation).",
  })
  retentionSchedule(
    @Args('organisationId', { type: () => ID, description: 'The organisation.' }, ParseIdPipe)
    organisationId: string,
    @CurrentActor() actor: Actor,
  ): Promise<RetentionScheduleModel> {
    return this.retention.schedule(actor, organisationId);
  }

  @Mutation(() => RetentionScheduleModel, {
    description:
      "Sets lines of the organisation's retention schedule; the nightly retention job erases what falls due (ADR 0030). Administrators of the organisation only (FORBIDDEN otherwise, NOT_FOUND for another organisation). BAD_USER_INPUT with RETENTION_OUT_OF_RANGE (months outside the kind's bounds) or DUPLICATE_KEY (a kind twice); nothing is saved then.",
  })
  setRetentionSchedule(
    @Args('input', {
      description:
        'The organisation and the lines of its retention schedule to set; kinds left out keep what they had.',
    })
    input: SetRetentionScheduleInput,
    @CurrentActor() actor: Actor,
  ): Promise<RetentionScheduleModel> {
    return this.retention.setSchedule(actor, input);
  }

  @Query(() => RecordOfProcessingModel, {
    description:
      "The organisation's record of processing (art. 30): each category of personal data, how long it is kept (from the retention schedule) and whether erasure on request removes it. Administrators of the organisation only (FORBIDDEN otherwise, NOT_FOUND for another organisation).",
  })
  recordOfProcessing(
    @Args('organisationId', { type: () => ID, description: 'The organisation.' }, ParseIdPipe)
    organisationId: string,
    @CurrentActor() actor: Actor,
  ): Promise<RecordOfProcessingModel> {
    return this.retention.recordOfProcessing(actor, organisationId);
  }
}
