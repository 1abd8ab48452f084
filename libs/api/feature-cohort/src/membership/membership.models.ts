import { CohortMembershipEntity } from '@stl/api/data-access-db';
import { Paginated } from '@stl/api/util-graphql';

export const CohortParticipantPage = Paginated(CohortMembershipEntity, 'CohortParticipant');
