import type { AdministratorStatus } from '@stl/web/data-access';
import type { BadgeTone } from '@stl/web/ui';

export const STATUS_TONE: Record<AdministratorStatus, BadgeTone> = {
  ACTIVE: 'success',
  INVITED: 'info',
  INVITATION_EXPIRED: 'warning',
  NOT_INVITED: 'warning',
  INACTIVE: 'neutral',
};

/** Someone who cannot get in yet can be sent a (new) invitation. */
export function canInvite(status: AdministratorStatus): boolean {
  return status === 'INVITED' || status === 'INVITATION_EXPIRED' || status === 'NOT_INVITED';
}
