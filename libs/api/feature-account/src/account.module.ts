import { Global, Module } from '@nestjs/common';
import { AccountTokenService } from './account-token.service';
import { InvitationResolver } from './invitation/invitation.resolver';
import { InvitationService } from './invitation/invitation.service';
import { AccountLinkResolver } from './links/account-link.resolver';
import { AccountLinkService } from './links/account-link.service';

/**
 * Mailed single-use links (ADR 0013): invitations, password reset, one-time sign-in links. Its own
 * lib because it needs both feature-auth (sessions, passwords, limits) and feature-notification
 * (the outbox), and feature-notification already depends on feature-auth. Global, so onboarding
 * and staff import can inject `InvitationService` without importing this module.
 */
@Global()
@Module({
  providers: [
    AccountTokenService,
    InvitationService,
    InvitationResolver,
    AccountLinkService,
    AccountLinkResolver,
  ],
  exports: [InvitationService, AccountTokenService],
})
export class AccountFeatureModule {}
