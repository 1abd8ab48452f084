import type { SupportLevel, SupportReasonCode } from '@stl/shared/domain';

/**
 * The words of the exports, in Swedish, the same as the web app's (libs/web/util-i18n, sv): a
 * spec compares them, so a download says what the screen says.
 */
export const SUPPORT_LEVEL_SV: Record<SupportLevel, string> = {
  ON_TRACK: 'I fas',
  BEHIND: 'Efter',
  NEEDS_SUPPORT: 'Behöver stöd',
};

/** Where a participant's analysis of a round stands, as the progress matrix shows it. */
export type RoundState = 'NOT_OPEN' | 'NOT_STARTED' | 'DRAFT' | 'PUBLISHED';

export const ROUND_STATE_SV: Record<RoundState, string> = {
  NOT_OPEN: 'Inte öppen än',
  NOT_STARTED: 'Inte påbörjad',
  DRAFT: 'Utkast',
  PUBLISHED: 'Publicerad',
};

export type OverdueKind = 'SUBMISSION' | 'FEEDBACK' | 'TASKS';

export const OVERDUE_SV: Record<OverdueKind, string> = {
  SUBMISSION: 'Sen inlämning',
  FEEDBACK: 'Sen återkoppling',
  TASKS: 'Sena egna uppdrag',
};

export const ATTENDANCE_SV: Record<'PRESENT' | 'ABSENT' | 'EXCUSED' | 'NOT_RECORDED', string> = {
  PRESENT: 'Närvarande',
  ABSENT: 'Frånvarande',
  EXCUSED: 'Anmäld frånvaro',
  NOT_RECORDED: 'Inte registrerad',
};

export interface SupportReasonFacts {
  code: SupportReasonCode;
  roundNumbers: readonly number[];
  days?: number | null;
  missed?: number | null;
  held?: number | null;
}

/** One reason as the web words it (`support.reason.*`): "omgång 3: analysen 6 dagar sen". */
export function supportReasonSv(r: SupportReasonFacts): string {
  const round = r.roundNumbers.join(', ');
  const days = r.days ?? 0;
  switch (r.code) {
    case 'ANALYSIS_OVERDUE':
      return days === 1
        ? `omgång ${round}: analysen 1 dag sen`
        : `omgång ${round}: analysen ${days} dagar sen`;
    case 'TASKS_OVERDUE':
      return days === 1
        ? `omgång ${round}: kritisk vän-återkopplingen 1 dag sen`
        : `omgång ${round}: kritisk vän-återkopplingen ${days} dagar sen`;
    case 'ATTENDANCE_BEHIND':
      return r.missed === 1
        ? `missat 1 av ${r.held ?? 0} hållna träffar`
        : `missat ${r.missed ?? 0} av ${r.held ?? 0} hållna träffar`;
  }
}
