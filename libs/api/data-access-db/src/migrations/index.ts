import { Initial1795335514665 } from './1795335514665-Initial';
import { AnalysesAndFeedback1795336907705 } from './1795336907705-AnalysesAndFeedback';
import { Notifications1795344991578 } from './1795344991578-Notifications';
import { SessionPublicId1796524371599 } from './1796524371599-SessionPublicId';
import { AddMissingForeignKeys1796525271745 } from './1796525271745-AddMissingForeignKeys';
import { LoginThrottle1796527624364 } from './1796527624364-LoginThrottle';
import { OidcSingleSignOn1796530359917 } from './1796530359917-OidcSingleSignOn';
import { AccountTokens1796530597485 } from './1796530597485-AccountTokens';
import { PlatformOperator1796530900000 } from './1796530900000-PlatformOperator';
import { OutboxUnconfirmed1796531924753 } from './1796531924753-OutboxUnconfirmed';
import { SupportThresholds1796536380498 } from './1796536380498-SupportThresholds';
import { OutboxReplyTo1796540000000 } from './1796540000000-OutboxReplyTo';
import { Attachments1796540840517 } from './1796540840517-Attachments';
import { CohortWelcomeMail1796540050000 } from './1796540050000-CohortWelcomeMail';
import { CohortNameUnique1796540100000 } from './1796540100000-CohortNameUnique';
import { SchoolHolidays1796543597679 } from './1796543597679-SchoolHolidays';
import { ProtectedIdentity1796551630892 } from './1796551630892-ProtectedIdentity';
import { DraftHistory1796551639765 } from './1796551639765-DraftHistory';
import { AuditLog1796551663497 } from './1796551663497-AuditLog';
import { SharedSpaceSearch1796551666393 } from './1796551666393-SharedSpaceSearch';
import { PrivacyRetention1796551692199 } from './1796551692199-PrivacyRetention';
import { PassageComments1796551716015 } from './1796551716015-PassageComments';
import { AccessibilityReports1796564000000 } from './1796564000000-AccessibilityReports';
import { PersonLookupIndexes1796565000000 } from './1796565000000-PersonLookupIndexes';
import { CohortMembershipSchoolIndex1796565500000 } from './1796565500000-CohortMembershipSchoolIndex';
import { ReviewerTaskIndex1796566000000 } from './1796566000000-ReviewerTaskIndex';
import { CertificatesAndPortfolio1796560000000 } from './1796560000000-CertificatesAndPortfolio';
import { CalendarFeedAndSelfAssessment1796562000000 } from './1796562000000-CalendarFeedAndSelfAssessment';
import { DashboardIndexes1796561000000 } from './1796561000000-DashboardIndexes';
import { FeedbackCoach1796563853049 } from './1796563853049-FeedbackCoach';
import { FeedbackExamples1796563937417 } from './1796563937417-FeedbackExamples';

/** Every migration, oldest first. Listed by hand so the bundled API needs no file globbing. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [
  Initial1795335514665,
  AnalysesAndFeedback1795336907705,
  Notifications1795344991578,
  SessionPublicId1796524371599,
  AddMissingForeignKeys1796525271745,
  LoginThrottle1796527624364,
  OidcSingleSignOn1796530359917,
  AccountTokens1796530597485,
  PlatformOperator1796530900000,
  OutboxUnconfirmed1796531924753,
  SupportThresholds1796536380498,
  OutboxReplyTo1796540000000,
  CohortWelcomeMail1796540050000,
  CohortNameUnique1796540100000,
  Attachments1796540840517,
  SchoolHolidays1796543597679,
  ProtectedIdentity1796551630892,
  DraftHistory1796551639765,
  AuditLog1796551663497,
  SharedSpaceSearch1796551666393,
  PrivacyRetention1796551692199,
  PassageComments1796551716015,
  CertificatesAndPortfolio1796560000000,
  DashboardIndexes1796561000000,
  CalendarFeedAndSelfAssessment1796562000000,
  FeedbackCoach1796563853049,
  FeedbackExamples1796563937417,
  AccessibilityReports1796564000000,
  PersonLookupIndexes1796565000000,
  CohortMembershipSchoolIndex1796565500000,
  ReviewerTaskIndex1796566000000,
];
