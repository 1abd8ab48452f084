/**
 * Types of the critical-friend allocation (product rule 4). Pure data: no framework, no I/O.
 */

/** One published analysis of the round. */
export interface AllocationAnalysis {
  readonly analysisId: string;
  readonly authorId: string;
  /** The author's school (skola/enhet). */
  readonly schoolId: string;
  /** The author asks for same-school support (internal network). */
  readonly wantsSameSchool?: boolean;
}

/** A participant who is due to act as critical friend in this round. */
export interface AllocationReviewer {
  readonly reviewerId: string;
  readonly schoolId: string;
}

/** A reviewer → author pair from an earlier round of the cohort. */
export interface AllocationHistoryPair {
  readonly reviewerId: string;
  readonly authorId: string;
  readonly roundNumber?: number;
}

/** A reviewer → analysis pair. */
export interface AllocationPair {
  readonly reviewerId: string;
  readonly analysisId: string;
}

export interface AllocationInput {
  /** The analyses published in this round (one per author in a normal round). */
  readonly analyses: readonly AllocationAnalysis[];
  /**
   * Everyone who reviews in this round. Defaults to the authors of `analyses` (the participants who
   * published review each other). When given it is the complete list: include the authors as well as
   * any extra eligible reviewers (e.g. participants who did not publish but must still review).
   */
  readonly reviewers?: readonly AllocationReviewer[];
  /** Pairs from earlier rounds of the cohort (any order; repeated entries count as repeated meetings). */
  readonly history?: readonly AllocationHistoryPair[];
  /** Peer reviewers per analysis (default 2). */
  readonly k?: number;
  /** Same input + same seed → identical output. Numbers and strings are hashed via `String(seed)`. */
  readonly seed: string | number;
  /** The cohort asks for same-school support: prefer reviewers from the author's own school. */
  readonly cohortSameSchool?: boolean;
  /**
   * Pairs already under way that must be kept (repair after a late publication or a drop-out, or a
   * course leader's manual choices). Pairs naming an unknown reviewer or analysis are dropped with a
   * warning.
   */
  readonly locked?: readonly AllocationPair[];
  /**
   * Repair only: pairs in place that nobody has started (no feedback begun) and that nobody chose by
   * hand. Given (even empty), the result keeps every reviewer's load within ±1 of the mean where any
   * allocation keeping the `locked` pairs can: these pairs stay where they are (reported as locked)
   * unless that rule needs them elsewhere; then the fewest of them move to other reviewers and are
   * listed in `moved`. When even moving all of them cannot reach the rule, BALANCE_RELAXED says so.
   * A pair both locked and movable is locked. Unknown ids are dropped with a warning, as for `locked`.
   */
  readonly movable?: readonly AllocationPair[];
}

export type AllocationReasonCode =
  /** Kept from an earlier allocation. */
  | 'LOCKED'
  /** Reviewer from another school: external network, as preferred. */
  | 'OTHER_SCHOOL'
  /** Reviewer from the author's own school, as the author or the cohort asked. */
  | 'SAME_SCHOOL_REQUESTED'
  /** External network preferred, but the reviewer is from the same school. */
  | 'FALLBACK_SAME_SCHOOL'
  /** Same-school support asked for, but the reviewer is from another school. */
  | 'FALLBACK_OTHER_SCHOOL'
  /** The reviewer has not reviewed this author earlier in the cohort. */
  | 'NEW_PAIR'
  /** The reviewer has reviewed this author before; no better pairing was possible. */
  | 'FALLBACK_REPEATED_PAIR'
  /** Author and reviewer review each other in this round; no swap could avoid it. */
  | 'FALLBACK_RECIPROCAL';

export interface AllocationReasonDetails {
  readonly reviewerSchoolId?: string;
  readonly authorSchoolId?: string;
  /** How often this reviewer reviewed this author in earlier rounds. */
  readonly earlierReviews?: number;
  /** The latest earlier round in which this reviewer reviewed this author (when known). */
  readonly lastRound?: number;
  /** How often the author reviewed this reviewer in earlier rounds. */
  readonly reverseEarlierReviews?: number;
  /** For fallbacks: true when no eligible alternative existed at all (rather than all being at capacity). */
  readonly noAlternative?: boolean;
}

/** Why a pair was chosen: a stable code for the UI (translate it) plus an English sentence. */
export interface AllocationReason {
  readonly code: AllocationReasonCode;
  readonly message: string;
  readonly details?: AllocationReasonDetails;
}

export interface AllocationAssignment {
  readonly reviewerId: string;
  readonly analysisId: string;
  readonly authorId: string;
  readonly reasons: readonly AllocationReason[];
  /** Kept as it was: a pair of `input.locked`, or of `input.movable` that did not move. */
  readonly locked: boolean;
  readonly sameSchool: boolean;
  /** How often this reviewer reviewed this author in earlier rounds. */
  readonly earlierReviews: number;
}

export type AllocationUnmetCode = 'NOT_ENOUGH_REVIEWERS' | 'NO_CAPACITY';

export interface AllocationUnmet {
  readonly analysisId: string;
  readonly authorId: string;
  /** k minus the peer reviewers this analysis got. */
  readonly missing: number;
  readonly reason: { readonly code: AllocationUnmetCode; readonly message: string };
}

export type AllocationWarningCode =
  | 'K_EXCEEDS_REVIEWERS'
  | 'LOCKED_REVIEWER_UNAVAILABLE'
  | 'LOCKED_ANALYSIS_UNAVAILABLE'
  | 'LOCKED_EXCEEDS_K'
  /** A reviewer's load is off balance because of pairs that are kept (outside ±1 of the mean in a repair with `movable`). */
  | 'LOCKED_UNBALANCED'
  /** The balanced loads could not be reached: floor/ceil of the mean, or in a repair with `movable` ±1 of the mean. */
  | 'BALANCE_RELAXED'
  | 'PRECISION_REDUCED';

export interface AllocationWarning {
  readonly code: AllocationWarningCode;
  readonly message: string;
  readonly reviewerId?: string;
  readonly analysisId?: string;
}

export interface AllocationStats {
  /** Number of reviewer → analysis pairs (locked included). */
  readonly assignmentCount: number;
  readonly reviewerCount: number;
  /** Share of pairs where reviewer and author are from different schools (0 when there are no pairs). */
  readonly crossSchoolShare: number;
  /** Share of pairs that meet the school preference (external, or internal when asked; 1 when no pairs). */
  readonly preferredSchoolShare: number;
  /** Pairs whose reviewer → author pair occurs in the history. */
  readonly repeatedPairs: number;
  /** Unordered pairs of people who review each other in this round. */
  readonly reciprocalPairs: number;
  readonly loadMin: number;
  readonly loadMax: number;
}

export interface AllocationResult {
  /** Sorted by analysisId, then reviewerId. */
  readonly assignments: readonly AllocationAssignment[];
  /** Analyses that get fewer than k peer reviewers, sorted by analysisId. */
  readonly unmet: readonly AllocationUnmet[];
  readonly warnings: readonly AllocationWarning[];
  readonly stats: AllocationStats;
  /**
   * Pairs of `input.movable` that are no longer in `assignments`: their reviewer lost the task to
   * keep the loads within ±1 of the mean. Sorted by analysisId, then reviewerId; empty otherwise.
   */
  readonly moved: readonly AllocationPair[];
}

export type AllocationInputErrorCode =
  | 'INVALID_K'
  | 'INVALID_SEED'
  | 'INVALID_ID'
  | 'DUPLICATE_ANALYSIS'
  | 'DUPLICATE_REVIEWER'
  | 'LOCKED_SELF_REVIEW';

/** Bad input: a typed error the API can map to a 400 response. */
export class AllocationInputError extends Error {
  readonly code: AllocationInputErrorCode;

  constructor(code: AllocationInputErrorCode, message: string) {
    super(message);
    this.name = 'AllocationInputError';
    this.code = code;
  }
}
