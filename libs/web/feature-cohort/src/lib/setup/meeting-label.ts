import { inject } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { SetupStore } from './setup.store';

/** "Träff 3: Talsyntes och respons" for a meeting of the cohort, "–" for none. Call in an injection context. */
export function meetingLabels(): (meetingId: string | null | undefined) => string {
  const store = inject(SetupStore);
  const transloco = inject(TranslocoService);
  return (id) => {
    const m = store.meetings().find((x) => x.id === id);
    return m ? transloco.translate('cohort.meetingTitle', { number: m.number, title: m.title }) : '–';
  };
}
