import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PersonEntity } from '@stl/api/data-access-db';
import {
  AccessPolicy,
  CurrentActor,
  Public,
  SessionService,
  SignedIn,
  ViewerModel,
  ViewerService,
} from '@stl/api/feature-auth';
import type { Actor, RequestContext } from '@stl/api/feature-auth';
import { ParseIdPipe, requestLoader } from '@stl/api/util-graphql';
import { SetPasswordWithLinkInput } from '../dto/account-link.inputs';
import { InvitationModel, InvitationPreviewModel } from './invitation.models';
import { InvitationService } from './invitation.service';
import type { InvitationState } from './invitation.service';

/** Administrators invite people; the invited accept with the mailed link (ADR 0013). */
@Resolver(() => PersonEntity)
@SignedIn()
export class InvitationResolver {
  constructor(
    private readonly invitations: InvitationService,
    private readonly access: AccessPolicy,
    private readonly sessions: SessionService,
    private readonly viewers: ViewerService,
  ) {}

  @Mutation(() => PersonEntity, {
    description:
      'Mails the person an invitation: a single-use link (valid INVITATION_TTL_HOURS, default a week) to choose a password. Administrators of the person’s organisation only (FORBIDDEN; another organisation’s person is NOT_FOUND). CONFLICT once the person has accepted; BAD_USER_INPUT for a deactivated account. Replaces any unused older link.',
  })
  invitePerson(
    @Args('personId', { type: () => ID, description: 'The person to invite.' }, ParseIdPipe) personId: string,
    @CurrentActor() actor: Actor,
  ): Promise<PersonEntity> {
    return this.invitations.inviteByAdmin(actor, personId, false);
  }

  @Mutation(() => PersonEntity, {
    description:
      'Sends a person who has not accepted yet a new invitation link; the older link stops working at once. Like invitePerson, and BAD_USER_INPUT (NOT_INVITED) for someone never invited.',
  })
  resendInvitation(
    @Args('personId', { type: () => ID, description: 'The person to invite.' }, ParseIdPipe) personId: string,
    @CurrentActor() actor: Actor,
  ): Promise<PersonEntity> {
    return this.invitations.inviteByAdmin(actor, personId, true);
  }

  @Query(() => InvitationPreviewModel, {
    description:
      'For the accept page: the first name and organisation behind a working invitation link, and nothing else. Anyone holding the link. LINK_INVALID, LINK_EXPIRED or LINK_USED otherwise.',
  })
  @Public()
  invitationPreview(
    @Args('token', { description: 'The token from the invitation link (the part after #).' }) token: string,
  ): Promise<InvitationPreviewModel> {
    return this.invitations.preview(token);
  }

  @Mutation(() => ViewerModel, {
    description:
      'Accepts an invitation: sets the password (ADR 0010 rule; BAD_USER_INPUT with problems on newPassword, and the link still works) and signs in with a new session. The link works once: LINK_USED afterwards, LINK_EXPIRED after its lifetime, LINK_INVALID once replaced by a newer one.',
  })
  @Public()
  async acceptInvitation(
    @Args('input', { description: 'The token from the invitation link and the chosen password.' })
    input: SetPasswordWithLinkInput,
    @Context() ctx: RequestContext,
  ): Promise<ViewerModel> {
    const { personId } = await this.invitations.accept(input.token, input.newPassword);
    await this.sessions.signInOn(ctx, personId, 'INVITATION');
    return this.viewers.load(personId);
  }

  @ResolveField(() => InvitationModel, {
    nullable: true,
    description:
      'The person’s latest invitation: status, when sent, until when it works. Administrators of the person’s organisation only; null for everyone else, and for people never invited.',
  })
  async invitation(
    @Parent() person: PersonEntity,
    @CurrentActor() actor: Actor,
    @Context() ctx: RequestContext,
  ): Promise<InvitationState | null> {
    if (!this.access.isAdminOf(actor, person.organisationId)) return null;
    const state = await requestLoader<string, InvitationState | null>(
      ctx.req,
      'account:invitationByPerson',
      async (ids) => {
        const states = await this.invitations.states(null, ids);
        return new Map(ids.map((id, i) => [id, states[i] ?? null]));
      },
      null,
    ).load(person.id);
    return state;
  }
}
