import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentOperator, PlatformOperatorOnly } from '@stl/api/feature-auth';
import type { OperatorActor } from '@stl/api/feature-auth';
import { ParseIdPipe } from '@stl/api/util-graphql';
import { CreateOrganisationInput, InviteAdministratorInput } from './dto/create-organisation.input';
import { OrganisationOverviewModel, PlatformOperatorModel } from './platform.models';
import { PlatformService } from './platform.service';

/**
 * The platform operators' operations (ADR 0015). Declared @PlatformOperatorOnly: members of an
 * organisation, administrators included, get FORBIDDEN; and operators reach nothing else.
 */
@Resolver(() => OrganisationOverviewModel)
@PlatformOperatorOnly()
export class PlatformResolver {
  constructor(private readonly platform: PlatformService) {}

  @Query(() => [OrganisationOverviewModel], {
    description:
      'Every organisation on the platform with its sizes and administrators, by name. Platform operators only.',
  })
  platformOrganisations(): Promise<OrganisationOverviewModel[]> {
    return this.platform.listOrganisations();
  }

  @Query(() => OrganisationOverviewModel, {
    description:
      'One organisation with its sizes and administrators. Platform operators only; NOT_FOUND for an unknown id.',
  })
  platformOrganisation(
    @Args('id', { type: () => ID, description: 'The organisation.' }, ParseIdPipe) id: string,
  ): Promise<OrganisationOverviewModel> {
    return this.platform.organisation(id);
  }

  @Query(() => [PlatformOperatorModel], {
    description: 'The platform operators, by name. Platform operators only.',
  })
  platformOperators(): Promise<PlatformOperatorModel[]> {
    return this.platform.listOperators();
  }

  @Mutation(() => OrganisationOverviewModel, {
    description:
      'Creates an organisation with its first administrator and invites them, in one transaction. Platform operators only. BAD_USER_INPUT lists every problem (NAME_MISSING, SLUG_INVALID, EMAIL_INVALID…); CONFLICT when the short name (SLUG_TAKEN) or the address (EMAIL_TAKEN) is taken.',
  })
  createOrganisation(
    @Args('input', { description: 'The organisation and its first administrator.' })
    input: CreateOrganisationInput,
    @CurrentOperator() operator: OperatorActor,
  ): Promise<OrganisationOverviewModel> {
    return this.platform.createOrganisation(operator.personId, input);
  }

  @Mutation(() => OrganisationOverviewModel, {
    description: 'Renames an organisation. Platform operators only (administrators use updateOrganisation).',
  })
  renameOrganisation(
    @Args('id', { type: () => ID, description: 'The organisation.' }, ParseIdPipe) id: string,
    @Args('name', { description: 'The new name, 1–200 characters.' }) name: string,
  ): Promise<OrganisationOverviewModel> {
    return this.platform.renameOrganisation(id, name);
  }

  @Mutation(() => OrganisationOverviewModel, {
    description:
      'Adds an administrator to an organisation and invites them, or invites again one of its administrators with that address. Platform operators only; CONFLICT (EMAIL_TAKEN) for an address used elsewhere.',
  })
  inviteOrganisationAdministrator(
    @Args('organisationId', { type: () => ID, description: 'The organisation.' }, ParseIdPipe)
    organisationId: string,
    @Args('input', { description: 'Who to add or invite again.' }) input: InviteAdministratorInput,
    @CurrentOperator() operator: OperatorActor,
  ): Promise<OrganisationOverviewModel> {
    return this.platform.inviteAdministrator(operator.personId, organisationId, input);
  }

  @Mutation(() => OrganisationOverviewModel, {
    description:
      "Sends an organisation's administrator a new invitation. Platform operators only; NOT_FOUND unless the person is an administrator.",
  })
  resendAdministratorInvitation(
    @Args('personId', { type: () => ID, description: 'An administrator of any organisation.' }, ParseIdPipe)
    personId: string,
    @CurrentOperator() operator: OperatorActor,
  ): Promise<OrganisationOverviewModel> {
    return this.platform.resendAdministratorInvitation(operator.personId, personId);
  }
}
