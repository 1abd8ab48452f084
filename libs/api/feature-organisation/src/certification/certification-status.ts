import { registerEnumType } from '@nestjs/graphql';
import { CertificationStatus } from '@stl/shared/domain';

/** GraphQL enum names equal their values (ADR 0002), so the domain's values name the enum. */
export const CertificationStatusEnum = Object.fromEntries(
  Object.values(CertificationStatus).map((v) => [v, v]),
) as { [K in CertificationStatus]: K };

registerEnumType(CertificationStatusEnum, {
  name: 'CertificationStatus',
  description: 'A certification’s standing today (Stockholm calendar day).',
  valuesMap: {
    VALID: { description: 'Valid today, and for more than 60 more days.' },
    EXPIRING_SOON: { description: 'Valid today, but the last valid day is at most 60 days away.' },
    EXPIRED: { description: 'The last valid day has passed.' },
    NOT_YET_VALID: { description: 'Issued for a day that has not come yet.' },
    REVOKED: { description: 'Withdrawn; it counts for nothing, whatever its dates.' },
  },
});
