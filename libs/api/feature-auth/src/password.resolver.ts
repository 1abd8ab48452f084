import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, SignedIn } from './access.decorators';
import type { Actor } from './actor';
import { ChangePasswordInput } from './dto/change-password.input';
import { clientAddress } from './login-throttle.service';
import { PasswordChangeService } from './password-change.service';
import type { RequestContext } from './request-context';

/** Passwords of the signed-in person (ADR 0010). */
@Resolver()
@SignedIn()
export class PasswordResolver {
  constructor(private readonly service: PasswordChangeService) {}

  @Mutation(() => Boolean, {
    description:
      "Changes the signed-in person's own password; any signed-in person may. Needs the current password (INVALID_CREDENTIALS with a problem on currentPassword when it is wrong). The new one must pass the password rule (BAD_USER_INPUT with PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, PASSWORD_COMMON or PASSWORD_CONTAINS_PERSONAL on newPassword). Wrong current passwords count against the sign-in limits: TOO_MANY_ATTEMPTS (details.retryAfterSeconds) when locked. On success the person's other sessions end and this one stays; true. Nothing changes when refused.",
  })
  changePassword(
    @Args('input', { description: 'The current password and the new one.' }) input: ChangePasswordInput,
    @CurrentActor() actor: Actor,
    @Context() ctx: RequestContext,
  ): Promise<boolean> {
    return this.service.change(actor, input, clientAddress(ctx.req));
  }
}
