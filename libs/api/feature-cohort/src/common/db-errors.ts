import { QueryFailedError } from 'typeorm';

/** PostgreSQL's unique_violation: a concurrent request won the race past our own check. */
export function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: string } | undefined)?.code === '23505'
  );
}
