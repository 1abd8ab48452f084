import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { AccountTokenPurpose } from '@stl/api/data-access-db';
import { Public, SessionService, ViewerModel, ViewerService, clientAddress } from '@stl/api/feature-auth';
import type { RequestContext } from '@stl/api/feature-auth';
import { RequestAccountLinkInput, SetPasswordWithLinkInput } from '../dto/account-link.inputs';
import { AccountLinkService } from './account-link.service';

/** "Forgot password?" and one-time sign-in links (ADR 0013). Public: the link is the credential. */
@Resolver()
@Public()
export class AccountLinkResolver {
  constructor(
    private readonly links: AccountLinkService,
    private readonly sessions: SessionService,
    private readonly viewers: ViewerService,
  ) {}

  @Mutation(() => Boolean, {
    description:
      'Mails a link to set a new password (valid PASSWORD_RESET_TTL_MINUTES, default 30, once) if an active account has this e-mail. Always answers true, at once, whether or not there is such an account. A newer link replaces older unused ones. TOO_MANY_ATTEMPTS (details.retryAfterSeconds) after too many requests for the e-mail or from the address, for unknown e-mails alike.',
  })
  async requestPasswordReset(
    @Args('input', { description: 'The e-mail address to send the link to.' }) input: RequestAccountLinkInput,
    @Context() ctx: RequestContext,
  ): Promise<boolean> {
    await this.links.request(AccountTokenPurpose.PASSWORD_RESET, input.email, clientAddress(ctx.req));
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      'Mails a one-time sign-in link (valid SIGN_IN_LINK_TTL_MINUTES, default 15) if an active account has this e-mail. Answers like requestPasswordReset: always true, the same for unknown e-mails, and TOO_MANY_ATTEMPTS under the same limits.',
  })
  async requestSignInLink(
    @Args('input', { description: 'The e-mail address to send the link to.' }) input: RequestAccountLinkInput,
    @Context() ctx: RequestContext,
  ): Promise<boolean> {
    await this.links.request(AccountTokenPurpose.SIGN_IN_LINK, input.email, clientAddress(ctx.req));
    return true;
  }

  @Mutation(() => ViewerModel, {
    description:
      'Sets a new password with a reset link and signs in with a new session; every other session of the person ends, and their other unused reset and sign-in links stop working. LINK_INVALID, LINK_EXPIRED or LINK_USED for a link that does not work; BAD_USER_INPUT (problems on newPassword) for a password the rule refuses, and then the link still works.',
  })
  async resetPassword(
    @Args('input', { description: 'The token from the reset link and the new password.' })
    input: SetPasswordWithLinkInput,
    @Context() ctx: RequestContext,
  ): Promise<ViewerModel> {
    const { personId } = await this.links.resetPassword(input.token, input.newPassword);
    await this.sessions.signInOn(ctx, personId, 'PASSWORD_RESET');
    return this.viewers.load(personId);
  }

  @Mutation(() => ViewerModel, {
    description:
      'Signs in with a one-time link from the mail, with a new session. LINK_INVALID, LINK_EXPIRED or LINK_USED for a link that does not work.',
  })
  async signInWithLink(
    @Args('token', { description: 'The token from the sign-in link (the part after #).' }) token: string,
    @Context() ctx: RequestContext,
  ): Promise<ViewerModel> {
    const { personId } = await this.links.signInWithLink(token);
    await this.sessions.signInOn(ctx, personId, 'SIGN_IN_LINK');
    return this.viewers.load(personId);
  }
}
