import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CertificationEntity } from '@stl/api/data-access-db';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import type { CertificationStatus } from '@stl/shared/domain';
import { CertificationStatusEnum } from './certification-status';
import { CertificationService } from './certification.service';
import { AddCertificationInput } from './dto/add-certification.input';
import { UpdateCertificationInput } from './dto/update-certification.input';
import { ParseIdPipe } from '@stl/api/util-graphql';

@Resolver(() => CertificationEntity)
@SignedIn()
export class CertificationResolver {
  constructor(private readonly service: CertificationService) {}

  @Mutation(() => CertificationEntity, {
    description:
      'Records an STL certification. Also grants the person the COURSE_LEADER role if they lack it, in the same transaction: a certified person is a course leader. Administrators only.',
  })
  addCertification(
    @Args('input', { description: 'The new certification.' }) input: AddCertificationInput,
    @CurrentActor() actor: Actor,
  ): Promise<CertificationEntity> {
    return this.service.add(actor, input);
  }

  @Mutation(() => CertificationEntity, { description: 'Corrects a certification. Administrators only.' })
  updateCertification(
    @Args('id', { type: () => ID, description: 'The certification to change.' }, ParseIdPipe) id: string,
    @Args('input', { description: 'The fields to change.' }) input: UpdateCertificationInput,
    @CurrentActor() actor: Actor,
  ): Promise<CertificationEntity> {
    return this.service.update(actor, id, input);
  }

  @Mutation(() => CertificationEntity, {
    description:
      'Withdraws a certification; it then counts for nothing. Idempotent. The COURSE_LEADER role stays. Administrators only.',
  })
  revokeCertification(
    @Args('id', { type: () => ID, description: 'The certification to revoke.' }, ParseIdPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<CertificationEntity> {
    return this.service.revoke(actor, id);
  }

  @ResolveField(() => CertificationStatusEnum, {
    description: 'Computed for today (Stockholm calendar day).',
  })
  status(@Parent() cert: CertificationEntity): CertificationStatus {
    return this.service.status(cert);
  }
}
