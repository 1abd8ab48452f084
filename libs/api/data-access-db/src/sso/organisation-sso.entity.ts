import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity';

/**
 * An organisation's single sign-on through its own OpenID Connect provider (docs/sso.md, ADR 0014),
 * set by its administrators. At most one per organisation. The client secret is stored only
 * encrypted (AES-256-GCM under SSO_SECRET_KEY, bound to the organisation's id) and never leaves the
 * API.
 */
@Entity('organisation_sso')
export class OrganisationSsoEntity {
  @PrimaryColumn({ type: 'uuid' })
  organisationId!: string;

  @OneToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<OrganisationEntity>;

  /** The provider's issuer identifier; its metadata is discovered at `/.well-known/openid-configuration`. */
  @Column({ type: 'varchar', length: 500 })
  issuer!: string;

  @Column({ type: 'varchar', length: 300 })
  clientId!: string;

  /** `v1.<iv>.<tag>.<ciphertext>` (base64url), or null while none was given. */
  @Column({ type: 'text', nullable: true })
  clientSecretEncrypted!: string | null;

  /** Lower-case e-mail domains whose addresses may sign in this way, e.g. `larkby.se`. */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  allowedDomains!: string[];

  /** The name on the sign-in button ("Logga in med …"). */
  @Column({ type: 'varchar', length: 100 })
  displayName!: string;

  @Column({ type: 'boolean', default: false })
  enabled!: boolean;

  /** While SSO is enabled: the organisation's people (administrators excepted) may not use passwords. */
  @Column({ type: 'boolean', default: false })
  passwordSignInDisabled!: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
