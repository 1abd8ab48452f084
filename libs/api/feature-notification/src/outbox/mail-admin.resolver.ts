import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { OutboxMessageEntity } from '@stl/api/data-access-db';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { Paginated, ParseIdPipe } from '@stl/api/util-graphql';
import { FailedMailArgs } from './dto/failed-mail.args';
import { MailAdminService } from './mail-admin.service';

const MailMessagePage = Paginated(OutboxMessageEntity, 'MailMessage');
type MailMessagePage = InstanceType<typeof MailMessagePage>;

@Resolver(() => OutboxMessageEntity)
@SignedIn()
export class MailAdminResolver {
  constructor(private readonly admin: MailAdminService) {}

  @Query(() => MailMessagePage, {
    description:
      "Mail to the organisation's people that could not be delivered (FAILED), and mail whose delivery the server never confirmed (UNCONFIRMED: it may have arrived), newest first (administrators only).",
  })
  failedMail(@CurrentActor() actor: Actor, @Args() args: FailedMailArgs): Promise<MailMessagePage> {
    return this.admin.failed(actor, args);
  }

  @Mutation(() => OutboxMessageEntity, { description: 'Tries a failed mail again (administrators only).' })
  retryMail(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The mail to send again.' }, ParseIdPipe) id: string,
  ): Promise<OutboxMessageEntity> {
    return this.admin.retry(actor, id);
  }

  @Mutation(() => OutboxMessageEntity, {
    description:
      'Sends an UNCONFIRMED mail again, knowingly: the server may have delivered it, so the recipient may get two copies (administrators of its organisation only).',
  })
  resendUnconfirmedMail(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The UNCONFIRMED mail.' }, ParseIdPipe) id: string,
  ): Promise<OutboxMessageEntity> {
    return this.admin.resendUnconfirmed(actor, id);
  }

  @Mutation(() => OutboxMessageEntity, {
    description:
      'Records an UNCONFIRMED mail as delivered (the recipient has it): it becomes SENT and leaves the list (administrators of its organisation only).',
  })
  markMailDelivered(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The UNCONFIRMED mail.' }, ParseIdPipe) id: string,
  ): Promise<OutboxMessageEntity> {
    return this.admin.markDelivered(actor, id);
  }
}
