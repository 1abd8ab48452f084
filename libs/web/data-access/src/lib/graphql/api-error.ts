/**
 * Errors from the API, as the web app shows them: a translation key for a plain sentence in the
 * reader's language, never the raw code. Pure (no Angular), so the mapping is unit-tested.
 * The shared lists come by their own entry point, not the domain's index: the start bundle takes
 * whole modules it reaches, and through the index it would reach the password list as well.
 */
import { ERROR_CODES, isErrorCode } from '@stl/shared/domain/errors';
import type {
  ErrorCode as SharedErrorCode,
  FieldProblemCode as SharedFieldProblemCode,
} from '@stl/shared/domain/errors';
import type { ErrorCode, FieldProblemCode } from '../../generated/graphql';

/** Fails to compile when the generated enums and the shared lists differ (codegen not rerun). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const CODES_MATCH_SCHEMA: [
  Same<ErrorCode, SharedErrorCode>,
  Same<FieldProblemCode, SharedFieldProblemCode>,
] = [true, true];

/**
 * The API's error codes (`extensions.code`): the type is generated from the schema's `ErrorCode`
 * enum, the list at run time is the shared one the API registers that enum from (ADR 0016).
 */
export type ApiErrorCode = ErrorCode;
export const API_ERROR_CODES: readonly ApiErrorCode[] = ERROR_CODES;

/** Codes of our own, for failures that never reached the API or came back unreadable. */
export const CLIENT_ERROR_CODES = ['NETWORK', 'UNKNOWN'] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

export interface GraphqlErrorShape {
  message?: string;
  extensions?: { code?: unknown; problems?: unknown; details?: unknown };
}

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode | ClientErrorCode,
    message: string,
    readonly problems: readonly FieldProblem[] = [],
    /** Extra data some codes carry, e.g. the newer text with EDIT_CONFLICT. */
    readonly details: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The translation key of a plain sentence saying what went wrong. */
  get messageKey(): string {
    return `errors.${this.code}`;
  }

  static network(): ApiError {
    return new ApiError('NETWORK', 'The server could not be reached.');
  }
}

function isApiCode(code: unknown): code is ApiErrorCode {
  return isErrorCode(code);
}

function asProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (p): p is FieldProblem =>
      !!p && typeof p.field === 'string' && typeof p.code === 'string' && typeof p.message === 'string',
  );
}

/** The first GraphQL error of a response, as an ApiError. */
export function apiErrorFrom(error: GraphqlErrorShape | undefined): ApiError {
  const code = error?.extensions?.code;
  return new ApiError(
    isApiCode(code) ? code : 'UNKNOWN',
    error?.message ?? 'Unknown error',
    asProblems(error?.extensions?.problems),
    error?.extensions?.details ?? null,
  );
}

/** Any thrown value as an ApiError, so every failure has a sentence to show. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('UNKNOWN', error instanceof Error ? error.message : String(error));
}

/** `answers.goals` → `goals`: the template section a problem is about, if any. */
export function sectionOfProblem(problem: FieldProblem): string | null {
  const m = /^answers\.([a-z][a-z0-9_-]*)$/.exec(problem.field);
  return m ? m[1] : null;
}

/** The newer draft an EDIT_CONFLICT carries. */
export interface EditConflictDetails {
  currentRevision: number;
  savedAt: string | null;
  answers: { sectionKey: string; html: string }[];
}

export function editConflictDetails(error: ApiError): EditConflictDetails | null {
  if (error.code !== 'EDIT_CONFLICT') return null;
  const d = error.details as Partial<EditConflictDetails> | null;
  if (!d || typeof d.currentRevision !== 'number' || !Array.isArray(d.answers)) return null;
  return {
    currentRevision: d.currentRevision,
    savedAt: typeof d.savedAt === 'string' ? d.savedAt : null,
    answers: d.answers.filter((a) => typeof a?.sectionKey === 'string' && typeof a?.html === 'string'),
  };
}

/** A sentence to show: a translation key and its parameters. */
export interface ErrorSentence {
  key: string;
  params?: Record<string, unknown>;
}

/**
 * How long to wait after TOO_MANY_ATTEMPTS, in whole minutes (at least 1), to say it plainly; null
 * for any other error or when the API gave no wait.
 */
export function retryAfterMinutes(error: ApiError): number | null {
  if (error.code !== 'TOO_MANY_ATTEMPTS') return null;
  const seconds = (error.details as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? Math.max(1, Math.ceil(seconds / 60)) : null;
}

/**
 * What a refusal says in plain words: for TOO_MANY_ATTEMPTS with a wait, how long ("Försök igen om
 * 3 minuter"); otherwise the error's own sentence.
 */
export function errorSentence(error: ApiError): ErrorSentence {
  const minutes = retryAfterMinutes(error);
  if (minutes === null) return { key: error.messageKey };
  return minutes === 1 ? { key: 'account.waitOne' } : { key: 'account.waitMany', params: { minutes } };
}

/** Whether a refusal is about a mailed link itself (ADR 0013), so a page offers to ask for a new one. */
export function isLinkRefusal(error: ApiError): boolean {
  return error.code === 'LINK_INVALID' || error.code === 'LINK_EXPIRED' || error.code === 'LINK_USED';
}

/**
 * The token of a mailed link, from the URL fragment (`/reset-password#<token>`; ADR 0013: the
 * fragment never reaches a server log). Null when there is none or it cannot be a token.
 */
export function tokenFromFragment(fragment: string | null | undefined): string | null {
  if (!fragment) return null;
  let token: string;
  try {
    token = decodeURIComponent(fragment.replace(/^#/, '')).trim();
  } catch {
    return null;
  }
  return /^[A-Za-z0-9_-]{20,200}$/.test(token) ? token : null;
}
