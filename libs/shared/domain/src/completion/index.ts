/**
 * Participant completion (product rule 6): `participantCompletion(input)` says, per round and
 * overall, whether a participant has completed the course and what is still missing. Computed on
 * demand from facts (published analyses, feedback, assignments, attendance); never stored.
 */
export { DEFAULT_SUPPORT_THRESHOLDS, participantCompletion } from './completion';
export type {
  CompletionInput,
  CompletionMeetings,
  CompletionMissing,
  CompletionMissingCode,
  CompletionResult,
  CompletionRoundInput,
  RoundCompletion,
  SupportLevel,
  SupportReason,
  SupportReasonCode,
  SupportThresholds,
} from './types';
