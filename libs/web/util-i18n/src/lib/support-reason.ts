/**
 * One way to word a support reason (course rule 8) everywhere in the web: the follow-up matrix,
 * the school leader's page and the home card all turn the API's code and numbers into the same
 * sentence, e.g. "omgång 3: analysen 6 dagar sen" / "missat 2 av 5 hållna träffar".
 */
export interface SupportReasonFacts {
  readonly code: string;
  readonly roundNumbers: readonly number[];
  readonly days?: number | null;
  readonly missed?: number | null;
  readonly held?: number | null;
}

/** The dictionary key (`support.reason.<CODE>`, `.one` for a single day or meeting) and its parameters. */
export function supportReasonText(reason: SupportReasonFacts): {
  key: string;
  params: Record<string, unknown>;
} {
  const count = reason.code === 'ATTENDANCE_BEHIND' ? reason.missed : reason.days;
  return {
    key: `support.reason.${reason.code}.${count === 1 ? 'one' : 'other'}`,
    params: {
      round: reason.roundNumbers.join(', '),
      days: reason.days ?? 0,
      missed: reason.missed ?? 0,
      held: reason.held ?? 0,
    },
  };
}
