import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { OrganisationEntity, SchoolEntity } from '@stl/api/data-access-db';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor, RequestContext } from '@stl/api/feature-auth';
import { NotFoundError } from '@stl/api/util-errors';
import { Paginated, ParseIdPipe } from '@stl/api/util-graphql';
import type { Page } from '@stl/api/util-graphql';
import { OrganisationService } from '../organisation/organisation.service';
import { CreateSchoolInput } from './dto/create-school.input';
import { UpdateSchoolInput } from './dto/update-school.input';
import { SchoolService } from './school.service';
import { SchoolsArgs } from './schools.args';

export const SchoolPage = Paginated(SchoolEntity, 'School');

@Resolver(() => SchoolEntity)
@SignedIn()
export class SchoolResolver {
  constructor(
    private readonly service: SchoolService,
    private readonly organisations: OrganisationService,
  ) {}

  @Query(() => SchoolPage, { description: 'The schools of your organisation, by name.' })
  schools(@Args() args: SchoolsArgs, @CurrentActor() actor: Actor): Promise<Page<SchoolEntity>> {
    return this.service.list(actor, args);
  }

  @Query(() => SchoolEntity, { description: 'A school of your organisation.' })
  school(
    @Args('id', { type: () => ID, description: 'The school.' }, ParseIdPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<SchoolEntity> {
    return this.service.get(actor, id);
  }

  @Mutation(() => SchoolEntity, { description: 'Adds a school unit. Administrators only.' })
  createSchool(
    @Args('input', { description: 'The new school.' }) input: CreateSchoolInput,
    @CurrentActor() actor: Actor,
  ): Promise<SchoolEntity> {
    return this.service.create(actor, input);
  }

  @Mutation(() => SchoolEntity, {
    description: 'Renames a school or sets its unit code. Administrators only.',
  })
  updateSchool(
    @Args('id', { type: () => ID, description: 'The school to change.' }, ParseIdPipe) id: string,
    @Args('input', { description: 'The fields to change.' }) input: UpdateSchoolInput,
    @CurrentActor() actor: Actor,
  ): Promise<SchoolEntity> {
    return this.service.update(actor, id, input);
  }

  @ResolveField(() => OrganisationEntity, { description: 'The organisation the school belongs to.' })
  async organisation(
    @Parent() school: SchoolEntity,
    @CurrentActor() actor: Actor,
    @Context() ctx: RequestContext,
  ): Promise<OrganisationEntity> {
    const organisation = await this.organisations.byId(ctx.req, actor, school.organisationId);
    if (!organisation) throw new NotFoundError('organisation', school.organisationId);
    return organisation;
  }

  @ResolveField(() => Int, { description: 'Active people whose home school this is.' })
  peopleCount(
    @Parent() school: SchoolEntity,
    @CurrentActor() actor: Actor,
    @Context() ctx: RequestContext,
  ): Promise<number> {
    return this.service.peopleCount(ctx.req, actor, school);
  }
}
