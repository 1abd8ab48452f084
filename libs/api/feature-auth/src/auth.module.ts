import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  AuditEventEntity,
  CohortEntity,
  CohortMembershipEntity,
  OidcSignInAttemptEntity,
  OrganisationEntity,
  OrganisationSsoEntity,
  PersonEntity,
  PersonIdentityEntity,
  RoleGrantEntity,
  SchoolEntity,
  SessionEntity,
} from '@stl/api/data-access-db';
import { AccessGuard } from './access.guard';
import { AccessPolicy } from './access-policy.service';
import { AuthResolver } from './auth.resolver';
import { DemoResolver } from './demo.resolver';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
// Passwords (ADR 0010)
import { PasswordChangeService } from './password-change.service';
import { PasswordResolver } from './password.resolver';
import { SessionService } from './session.service';
// Single sign-on with OpenID Connect (ADR 0014)
import { OidcController } from './oidc/oidc.controller';
import { OidcProviderClient } from './oidc/oidc-provider.client';
import { OidcSignInService } from './oidc/oidc-sign-in.service';
import { SsoResolver } from './oidc/sso.resolver';
import { SsoSettingsService } from './oidc/sso-settings.service';
import { ViewerService } from './viewer.service';
// The audit log's one writer (ADR 0029).
import { AuditService } from './audit/audit.service';
// My sessions (list, end one, sign out everywhere).
import { SessionsResolver } from './sessions/sessions.resolver';

@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([
      SessionEntity,
      PersonEntity,
      RoleGrantEntity,
      OrganisationEntity,
      CohortEntity,
      CohortMembershipEntity,
      SchoolEntity,
      // Single sign-on (ADR 0014)
      OrganisationSsoEntity,
      PersonIdentityEntity,
      OidcSignInAttemptEntity,
      // The audit log (ADR 0029)
      AuditEventEntity,
    ]),
  ],
  controllers: [OidcController],
  providers: [
    SessionService,
    ViewerService,
    PasswordService,
    AccessPolicy,
    AuthResolver,
    DemoResolver,
    SessionsResolver,
    { provide: APP_GUARD, useClass: AccessGuard },
    // Passwords (ADR 0010)
    PasswordChangeService,
    PasswordResolver,
    // Brute-force protection (ADR 0004, amendment 2026-12-06)
    LoginThrottleService,
    // Single sign-on (ADR 0014)
    OidcProviderClient,
    SsoSettingsService,
    OidcSignInService,
    SsoResolver,
    // The audit log (ADR 0029)
    AuditService,
  ],
  exports: [
    SessionService,
    ViewerService,
    PasswordService,
    AccessPolicy,
    LoginThrottleService,
    SsoSettingsService,
    AuditService,
  ],
})
export class AuthModule {}
