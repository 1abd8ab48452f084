/** PostgreSQL's code for a unique-index violation: two requests raced for the same row. */
export const UNIQUE_VIOLATION = '23505';

/** True for a unique violation, whether raw from pg or wrapped in TypeORM's QueryFailedError. */
export function isUniqueViolation(err: unknown): boolean {
  return (
    typeof err === 'object' &&
    err !== null &&
    ((err as { code?: string }).code === UNIQUE_VIOLATION ||
      (err as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION)
  );
}
