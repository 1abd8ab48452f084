import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity';

/**
 * One single sign-on under way, between `/auth/oidc/:slug/start` and the provider's redirect back
 * (at most 10 minutes). Single use: the callback deletes it. Keyed by the digest of `state`, and
 * bound to the browser that started it by the digest of a random value in an HttpOnly cookie, so a
 * callback URL carried to another browser is refused.
 */
@Entity('oidc_sign_in_attempt')
export class OidcSignInAttemptEntity {
  /** hex SHA-256 of the `state` parameter */
  @PrimaryColumn({ type: 'char', length: 64 })
  id!: string;

  /** hex SHA-256 of the browser-binding cookie's value */
  @Column({ type: 'char', length: 64 })
  browserDigest!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<OrganisationEntity>;

  /** The PKCE code verifier (S256 challenge sent); needed once, at the code exchange. */
  @Column({ type: 'varchar', length: 128 })
  codeVerifier!: string;

  @Column({ type: 'varchar', length: 128 })
  nonce!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Index()
  @Column({ type: 'timestamptz' })
  expiresAt!: Date;
}
