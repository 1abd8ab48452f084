/** The planning rule lives in the shared domain: the API derives a copied cohort's rounds by it too. */
export { derivableRoundCount, deriveRounds } from '@stl/shared/domain';
export type { DerivedRound, MeetingSlot } from '@stl/shared/domain';
