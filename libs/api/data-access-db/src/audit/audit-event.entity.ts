import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What happened. Stable: exports and saved searches name them, so a kind is never renamed. */
export enum AuditEventKind {
  SIGN_IN = 'SIGN_IN',
  AUTHORISATION_REFUSED = 'AUTHORISATION_REFUSED',
  ROLE_GRANTED = 'ROLE_GRANTED',
  ROLE_REVOKED = 'ROLE_REVOKED',
  CERTIFICATION_ADDED = 'CERTIFICATION_ADDED',
  CERTIFICATION_CHANGED = 'CERTIFICATION_CHANGED',
  CERTIFICATION_REVOKED = 'CERTIFICATION_REVOKED',
  EXPORT = 'EXPORT',
  ERASURE = 'ERASURE',
  SSO_SETTINGS_CHANGED = 'SSO_SETTINGS_CHANGED',
  ANALYSIS_READ_BY_ADMINISTRATOR = 'ANALYSIS_READ_BY_ADMINISTRATOR',
  CERTIFICATES_ISSUED = 'CERTIFICATES_ISSUED',
  CERTIFICATE_REVOKED = 'CERTIFICATE_REVOKED',
  CALENDAR_FEED_CHANGED = 'CALENDAR_FEED_CHANGED',
}
registerEnumType(AuditEventKind, {
  name: 'AuditEventKind',
  description: 'What an audit event records.',
  valuesMap: {
    SIGN_IN: { description: 'A sign-in (password, single sign-on or a mailed link), successful or failed.' },
    AUTHORISATION_REFUSED: { description: 'A signed-in person was refused an operation (FORBIDDEN).' },
    ROLE_GRANTED: { description: 'An organisation role was given to a person.' },
    ROLE_REVOKED: { description: 'An organisation role was taken from a person.' },
    CERTIFICATION_ADDED: { description: 'An STL certification was recorded for a person.' },
    CERTIFICATION_CHANGED: { description: "A certification's dates, issuer or reference were changed." },
    CERTIFICATION_REVOKED: { description: 'A certification was revoked.' },
    EXPORT: { description: 'A file was downloaded from an export (follow-up, attendance, audit log…).' },
    ERASURE: { description: "Personal data was erased (on request or by the organisation's retention)." },
    SSO_SETTINGS_CHANGED: { description: "The organisation's single sign-on settings were saved." },
    ANALYSIS_READ_BY_ADMINISTRATOR: {
      description:
        "An administrator, not taking part in or leading the cohort, read someone else's analysis.",
    },
    CERTIFICATES_ISSUED: {
      description: "Certificates of completion were issued for a cohort's participants (ADR 0032).",
    },
    CERTIFICATE_REVOKED: { description: 'A certificate of completion was revoked (ADR 0032).' },
    CALENDAR_FEED_CHANGED: {
      description:
        'A person renewed or turned off their private calendar URL (details.action: RENEWED or TURNED_OFF).',
    },
  },
});

export enum AuditOutcome {
  SUCCESS = 'SUCCESS',
  REFUSED = 'REFUSED',
  FAILED = 'FAILED',
}
registerEnumType(AuditOutcome, {
  name: 'AuditOutcome',
  description: 'How an audited event ended.',
  valuesMap: {
    SUCCESS: { description: 'It happened.' },
    REFUSED: { description: 'It was refused by a rule (authorisation, sign-in settings).' },
    FAILED: { description: 'It was tried and failed (e.g. a wrong password).' },
  },
});

/** The kind of row an audit event is about; with `targetId` it names the row without copying it. */
export enum AuditTargetType {
  PERSON = 'PERSON',
  ORGANISATION = 'ORGANISATION',
  COHORT = 'COHORT',
  ANALYSIS = 'ANALYSIS',
  CERTIFICATION = 'CERTIFICATION',
  OPERATION = 'OPERATION',
  CERTIFICATE = 'CERTIFICATE',
}
registerEnumType(AuditTargetType, {
  name: 'AuditTargetType',
  description: 'The kind of thing an audit event is about.',
  valuesMap: {
    PERSON: { description: 'A person (their id).' },
    ORGANISATION: { description: 'The organisation itself.' },
    COHORT: { description: 'A cohort (its id).' },
    ANALYSIS: { description: 'An analysis (its id).' },
    CERTIFICATION: { description: 'A certification (its id).' },
    OPERATION: { description: 'An API operation or download route; targetId is its name.' },
    CERTIFICATE: { description: 'A certificate of completion (its id).' },
  },
});

/**
 * One line of the audit log (issue 12, ADR 0029). Append-only: a trigger refuses UPDATE, DELETE and
 * TRUNCATE (also for a superuser) and the application's role holds no such privilege. It names
 * people and rows by id only and keeps no names, e-mail addresses, secrets or text, so erasing a
 * person leaves nothing here to erase beyond an id that no longer leads anywhere. The ids have no
 * foreign keys on purpose: the log outlives the rows it speaks of.
 */
@ObjectType('AuditEvent', {
  description: "One line of an organisation's audit log. Its administrators only.",
})
@Entity('audit_event')
@Index('IDX_audit_event_organisation_time', ['organisationId', 'occurredAt'])
@Index('IDX_audit_event_organisation_kind_time', ['organisationId', 'kind', 'occurredAt'])
@Index('IDX_audit_event_organisation_actor_time', ['organisationId', 'actorId', 'occurredAt'])
export class AuditEventEntity {
  @Field(() => ID, { description: 'The event.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => GraphQLISODateTime, { description: 'When it happened (UTC).' })
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  occurredAt!: Date;

  @Field(() => ID, {
    nullable: true,
    description: 'Who did it: a person id; null for someone not signed in.',
  })
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  /** Null for events of no organisation (a platform operator's own sign-in). */
  @Field(() => ID, { nullable: true, description: 'The organisation it happened in.' })
  @Column({ type: 'uuid', nullable: true })
  organisationId!: string | null;

  @Field(() => AuditEventKind, { description: 'What happened.' })
  @Column({ type: 'varchar', length: 40 })
  kind!: AuditEventKind;

  @Field(() => AuditTargetType, { nullable: true, description: 'The kind of thing it was about.' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  targetType!: AuditTargetType | null;

  @Field(() => String, {
    nullable: true,
    description: 'The id of the thing it was about (an operation name for OPERATION).',
  })
  @Column({ type: 'varchar', length: 80, nullable: true })
  targetId!: string | null;

  @Field(() => AuditOutcome, { description: 'How it ended.' })
  @Column({ type: 'varchar', length: 10 })
  outcome!: AuditOutcome;

  /** Exposed as `AuditEvent.details`, a list of key and value (the resolver's field). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: AuditDetails;
}

/** What `details` may hold: ids, codes, small numbers and booleans; nothing a person wrote. */
export type AuditDetails = Record<string, string | number | boolean | null | string[]>;
