import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonEntity } from '@stl/api/data-access-db';
import { DomainError, ErrorCode, FieldProblemCode } from '@stl/api/util-errors';
import type { Actor } from './actor';
import type { ChangePasswordInput } from './dto/change-password.input';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { assertAcceptablePassword } from './password-rule';
import { SessionService } from './session.service';

/** A signed-in person changes their own password (ADR 0010). */
@Injectable()
export class PasswordChangeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly throttle: LoginThrottleService,
  ) {}

  /**
   * Checks the current password (INVALID_CREDENTIALS, with one problem on `currentPassword`, when it
   * is wrong), then the rule with the person's own e-mail and name (BAD_USER_INPUT, problems on
   * `newPassword`), then stores the new hash and ends the person's other sessions in one transaction.
   * Nothing is written when anything is refused. This session stays signed in. The current-password
   * check counts against the same limits as sign-in (the person's e-mail and `address`), so a taken
   * session cannot be used to guess the password: TOO_MANY_ATTEMPTS before any hashing when locked.
   */
  async change(actor: Actor, input: ChangePasswordInput, address: string): Promise<boolean> {
    const person = await this.dataSource
      .getRepository(PersonEntity)
      .createQueryBuilder('p')
      .addSelect('p.passwordHash')
      .where('p.id = :id AND p.active', { id: actor.personId })
      .getOne();
    if (person) await this.throttle.admit(person.email, address);
    const ok = await this.passwords.verify(person?.passwordHash ?? null, input.currentPassword);
    if (!person || !ok) {
      throw new DomainError(ErrorCode.InvalidCredentials, 'Your current password is wrong.', [
        {
          field: 'currentPassword',
          code: FieldProblemCode.CurrentPasswordWrong,
          message: 'Your current password is wrong.',
        },
      ]);
    }
    await this.throttle.succeeded(person.email, address);
    assertAcceptablePassword('newPassword', input.newPassword, {
      email: person.email,
      fullName: person.fullName,
    });
    const passwordHash = await this.passwords.hash(input.newPassword);
    await this.dataSource.transaction(async (m) => {
      await m.update(PersonEntity, { id: person.id }, { passwordHash });
      await SessionService.endAllFor(m, person.id, actor.sessionId);
    });
    return true;
  }
}
