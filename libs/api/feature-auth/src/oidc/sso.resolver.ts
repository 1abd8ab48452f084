import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ParseIdPipe } from '@stl/api/util-graphql';
import { CurrentActor, Public, SignedIn } from '../access.decorators';
import type { Actor } from '../actor';
import { OrganisationSsoModel, SaveOrganisationSsoInput, SsoLookupInput, SsoOptionModel } from './sso.models';
import { SsoSettingsService } from './sso-settings.service';

@Resolver()
export class SsoResolver {
  constructor(private readonly settings: SsoSettingsService) {}

  @Query(() => OrganisationSsoModel, {
    description:
      "The organisation's single sign-on settings (never the client secret). Only its administrators: anyone else gets FORBIDDEN, or NOT_FOUND for another organisation.",
  })
  @SignedIn()
  organisationSso(
    @Args('organisationId', { type: () => ID, description: 'The organisation.' }, ParseIdPipe)
    organisationId: string,
    @CurrentActor() actor: Actor,
  ): Promise<OrganisationSsoModel> {
    return this.settings.get(actor, organisationId);
  }

  @Mutation(() => OrganisationSsoModel, {
    description:
      "Saves the organisation's single sign-on settings; administrators of the organisation only. Turning it on reads the issuer's discovery document first. BAD_USER_INPUT with field problems (ISSUER_INVALID, ISSUER_DISCOVERY_FAILED, CLIENT_SECRET_REQUIRED, DOMAIN_INVALID, DOMAINS_REQUIRED, DOMAIN_TAKEN, REQUIRES_SSO_ENABLED); SSO_KEY_MISSING when the server has no SSO_SECRET_KEY. Nothing is saved on any error.",
  })
  @SignedIn()
  saveOrganisationSso(
    @Args('input', { description: "The organisation's single sign-on settings." })
    input: SaveOrganisationSsoInput,
    @CurrentActor() actor: Actor,
  ): Promise<OrganisationSsoModel> {
    return this.settings.save(actor, input);
  }

  @Query(() => SsoOptionModel, {
    nullable: true,
    description:
      "Public: single sign-on offered for the address's e-mail domain, or null. Says nothing about whether the address has an account.",
  })
  @Public()
  ssoForEmail(
    @Args('input', { description: 'The e-mail address someone is about to sign in with.' })
    input: SsoLookupInput,
  ): Promise<SsoOptionModel | null> {
    return this.settings.forEmail(input.email);
  }
}
