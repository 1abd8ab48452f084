export * from './organisation-feature.module';
export { OrganisationService } from './organisation/organisation.service';
export { SchoolService } from './school/school.service';
export { SchoolPage } from './school/school.resolver';
export { PersonService } from './person/person.service';
export { PersonPage } from './person/person.resolver';
export { CertificationService } from './certification/certification.service';
export { canSeeCertifications, canSeeEmail, canSeePerson, peopleScope } from './person/person-access';
export type { PeopleScope, PersonRef } from './person/person-access';
