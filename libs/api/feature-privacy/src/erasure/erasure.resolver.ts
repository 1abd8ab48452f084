import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { ErasePersonInput, PersonErasureModel } from './erasure.models';
import { ErasureService } from './erasure.service';

@Resolver(() => PersonErasureModel)
@SignedIn()
export class ErasureResolver {
  constructor(private readonly erasure: ErasureService) {}

  @Mutation(() => PersonErasureModel, {
    description:
      "Erases a person's data on request (GDPR art. 17, ADR 0030): drafts, mail choices, sessions, sign-in links, single sign-on identities and unsent mail are deleted; the person becomes a placeholder (\"Borttagen person …\", no e-mail, signed out for good); course records and published work stay, naming the placeholder, until the organisation's retention schedule erases them. Administrators of the person's organisation only (FORBIDDEN otherwise, NOT_FOUND for another organisation's person); CONFLICT for oneself or a person already erased; BAD_USER_INPUT (CONFIRMATION_MISMATCH) when the confirmation is not the person's full name. Cannot be undone.",
  })
  erasePerson(
    @Args('input', { description: 'The person to erase and the confirmation typed by the administrator.' })
    input: ErasePersonInput,
    @CurrentActor() actor: Actor,
  ): Promise<PersonErasureModel> {
    return this.erasure.erase(actor, input);
  }
}
