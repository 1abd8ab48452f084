import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CertificationEntity, PersonEntity, RoleGrantEntity, SchoolEntity } from '@stl/api/data-access-db';
import { CurrentActor, Public, SignedIn } from '@stl/api/feature-auth';
import { UnauthenticatedError } from '@stl/api/util-errors';
import type { Actor, RequestContext } from '@stl/api/feature-auth';
import { Paginated, ParseIdPipe } from '@stl/api/util-graphql';
import type { Page } from '@stl/api/util-graphql';
import { CertificationService } from '../certification/certification.service';
import { SchoolService } from '../school/school.service';
import { CreatePersonInput } from './dto/create-person.input';
import { UpdatePersonInput } from './dto/update-person.input';
import { PeopleArgs } from './people.args';
import { RoleChangeArgs, SetPasswordArgs, SetProtectedIdentityArgs } from './person.args';
import { PersonService } from './person.service';

export const PersonPage = Paginated(PersonEntity, 'Person');

@Resolver(() => PersonEntity)
@SignedIn()
export class PersonResolver {
  constructor(
    private readonly service: PersonService,
    private readonly schools: SchoolService,
    private readonly certificationService: CertificationService,
  ) {}

  @Query(() => PersonPage, {
    description:
      'People of your organisation, by name. Administrators and course leaders see everyone; school leaders the people of the schools they lead; others are FORBIDDEN.',
  })
  people(@Args() args: PeopleArgs, @CurrentActor() actor: Actor): Promise<Page<PersonEntity>> {
    return this.service.list(actor, args);
  }

  @Query(() => PersonEntity, { description: 'Yourself, or someone you may list; NOT_FOUND otherwise.' })
  person(
    @Args('id', { type: () => ID, description: 'The person.' }, ParseIdPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<PersonEntity> {
    return this.service.get(actor, id);
  }

  @Mutation(() => PersonEntity, {
    description:
      'Adds a person with their roles. The e-mail is trimmed and lower-cased; one already in use is CONFLICT. Administrators only.',
  })
  createPerson(
    @Args('input', { description: 'The new person.' }) input: CreatePersonInput,
    @CurrentActor() actor: Actor,
  ): Promise<PersonEntity> {
    return this.service.create(actor, input);
  }

  @Mutation(() => PersonEntity, {
    description:
      'Changes a person. Anyone may change their own fullName and locale; administrators may change anything, except deactivating themselves.',
  })
  updatePerson(
    @Args('id', { type: () => ID, description: 'The person to change.' }, ParseIdPipe) id: string,
    @Args('input', { description: 'The fields to change.' }) input: UpdatePersonInput,
    @CurrentActor() actor: Actor,
  ): Promise<PersonEntity> {
    return this.service.update(actor, id, input);
  }

  @Mutation(() => PersonEntity, {
    description:
      'Grants an organisation role; granting one already held changes nothing. Administrators only.',
  })
  grantRole(@Args() args: RoleChangeArgs, @CurrentActor() actor: Actor): Promise<PersonEntity> {
    return this.service.grantRole(actor, args);
  }

  @Mutation(() => PersonEntity, {
    description:
      'Removes an organisation role; removing one not held changes nothing. Administrators only, and never their own ADMINISTRATOR role (FORBIDDEN), so an organisation always keeps one.',
  })
  revokeRole(@Args() args: RoleChangeArgs, @CurrentActor() actor: Actor): Promise<PersonEntity> {
    return this.service.revokeRole(actor, args);
  }

  @Mutation(() => Boolean, {
    description:
      "An administrator sets the password of another person of their organisation (the password rule applies, ADR 0010); all that person's sessions end. Not for one's own password: use changePassword, which asks for the current one.",
  })
  setPassword(@Args() args: SetPasswordArgs, @CurrentActor() actor: Actor): Promise<boolean> {
    return this.service.setPassword(actor, args);
  }

  @Mutation(() => PersonEntity, {
    description:
      'Marks a person as having a protected identity (skyddade personuppgifter), or clears the mark (ADR 0031). Administrators of the organisation only.',
  })
  setProtectedIdentity(
    @Args() args: SetProtectedIdentityArgs,
    @CurrentActor() actor: Actor,
  ): Promise<PersonEntity> {
    return this.service.setProtectedIdentity(actor, args);
  }

  @ResolveField(() => String, {
    description:
      'Full name. Of a person with a protected identity, only the person, administrators, course leaders and the school leaders of their school see it; everyone else gets a stable pseudonym such as "Deltagare K7M2" (ADR 0031).',
  })
  // Reached by members and by platform operators alike (an operator's own `me`, the organisations'
  // administrators they list; ADR 0015): the query that returned the person already decided that
  // the caller may see them. Operators run the service and see names as they are.
  @Public()
  fullName(@Parent() person: PersonEntity, @Context() ctx: RequestContext): string {
    const actor = ctx.req.actor;
    if (actor) return this.service.fullName(actor, person);
    if (ctx.req.operator) return person.fullName;
    throw new UnauthenticatedError();
  }

  @ResolveField(() => Boolean, {
    nullable: true,
    description:
      "Whether the person has a protected identity (skyddade personuppgifter, ADR 0031). Shown to the organisation's administrators only; null for everyone else.",
  })
  protectedIdentity(@Parent() person: PersonEntity, @CurrentActor() actor: Actor): boolean | null {
    return this.service.protectedIdentity(actor, person);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The stable pseudonym others see while the person has a protected identity, e.g. "Deltagare K7M2" (ADR 0031); null until they are first marked. Shown to the organisation\'s administrators only; null for everyone else.',
  })
  pseudonym(@Parent() person: PersonEntity, @CurrentActor() actor: Actor): string | null {
    return this.service.pseudonym(actor, person);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      "The sign-in address. Shown to the person themself and to the organisation's administrators and course leaders (who enrol and contact participants); of a person with a protected identity only to the person and administrators (ADR 0031); null for everyone else, school leaders and teachers included.",
  })
  email(@Parent() person: PersonEntity, @CurrentActor() actor: Actor): string | null {
    return this.service.email(actor, person);
  }

  @ResolveField(() => SchoolEntity, { nullable: true, description: 'Home school, if any.' })
  school(
    @Parent() person: PersonEntity,
    @CurrentActor() actor: Actor,
    @Context() ctx: RequestContext,
  ): Promise<SchoolEntity | null> | null {
    return person.schoolId ? this.schools.byId(ctx.req, actor, person.schoolId) : null;
  }

  @ResolveField(() => [RoleGrantEntity], { description: 'Organisation roles, by role.' })
  roles(
    @Parent() person: PersonEntity,
    @CurrentActor() actor: Actor,
    @Context() ctx: RequestContext,
  ): Promise<RoleGrantEntity[]> {
    return this.service.roles(ctx.req, actor, person);
  }

  @ResolveField(() => [CertificationEntity], {
    nullable: true,
    description:
      "STL certifications, newest first. Shown to the person themself and to the organisation's administrators; null for everyone else.",
  })
  certifications(
    @Parent() person: PersonEntity,
    @CurrentActor() actor: Actor,
    @Context() ctx: RequestContext,
  ): Promise<CertificationEntity[] | null> {
    return this.certificationService.visibleFor(ctx.req, actor, person);
  }
}
