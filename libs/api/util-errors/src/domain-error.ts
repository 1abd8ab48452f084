import { IntrinsicException } from '@nestjs/common';
import type { FieldProblemCode } from '@stl/shared/domain';
import type { ErrorCode } from './error-codes';

/** One problem with one input field, so a form can show the message beside the field. */
export interface FieldProblem {
  field: string;
  code: FieldProblemCode;
  message: string;
}

/**
 * Every error the API means to show a client. Anything else that escapes a resolver is reported
 * as INTERNAL_SERVER_ERROR without its message, stack or SQL.
 *
 * An IntrinsicException, so Nest's exception handler does not log it: it is an answer, not a
 * fault (refusals go to the audit log), and its details can hold what a person wrote (the newer
 * text of an analysis on an edit conflict), which must not end up in the server's log.
 */
export class DomainError extends IntrinsicException {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly problems: FieldProblem[] = [],
    /** Extra data a client needs to recover, e.g. the newer text on an edit conflict. */
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(kind: string, id?: string) {
    super('NOT_FOUND', id ? `No ${kind} with id ${id} exists, or you may not see it.` : `No such ${kind}.`);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this.') {
    super('FORBIDDEN', message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in first.') {
    super('UNAUTHENTICATED', message);
  }
}

export class BadInputError extends DomainError {
  constructor(message: string, problems: FieldProblem[] = []) {
    super('BAD_USER_INPUT', message, problems);
  }
}
