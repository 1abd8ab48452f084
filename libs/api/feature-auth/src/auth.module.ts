import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  CohortEntity,
  CohortMembershipEntity,
  OrganisationEntity,
  PersonEntity,
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
import { ViewerService } from './viewer.service';
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
    ]),
  ],
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
  ],
  exports: [SessionService, ViewerService, PasswordService, AccessPolicy, LoginThrottleService],
})
export class AuthModule {}
