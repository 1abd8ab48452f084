import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { OrganisationEntity } from '@stl/api/data-access-db';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { UpdateOrganisationInput } from './dto/update-organisation.input';
import { OrganisationService } from './organisation.service';
import { ParseIdPipe } from '@stl/api/util-graphql';

@Resolver(() => OrganisationEntity)
@SignedIn()
export class OrganisationResolver {
  constructor(private readonly service: OrganisationService) {}

  @Query(() => OrganisationEntity, { description: 'Your own organisation; any other id is NOT_FOUND.' })
  organisation(
    @Args('id', { type: () => ID, description: 'The organisation.' }, ParseIdPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<OrganisationEntity> {
    return this.service.get(actor, id);
  }

  @Mutation(() => OrganisationEntity, { description: 'Renames the organisation. Administrators only.' })
  updateOrganisation(
    @Args('id', { type: () => ID, description: 'The organisation to change.' }, ParseIdPipe) id: string,
    @Args('input', { description: 'The fields to change.' }) input: UpdateOrganisationInput,
    @CurrentActor() actor: Actor,
  ): Promise<OrganisationEntity> {
    return this.service.update(actor, id, input);
  }
}
