export { AccountFeatureModule } from './account.module';
export { InvitationService } from './invitation/invitation.service';
export type { InvitationPreview, InvitationState } from './invitation/invitation.service';
export { AccountTokenService } from './account-token.service';
