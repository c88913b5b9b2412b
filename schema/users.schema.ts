/** A person who signs in to a tenant. */
import { Column, Index, Table } from 'schemac';
import { BaseEntity } from './base-entity.schema';

/** Where the user signs in; becomes CHECK ck_users_identity_provider. */
export type IdentityProvider = 'entra_id' | 'google' | 'email' | 'github';

/** Account state; becomes CHECK ck_users_status. */
export type UserStatus = 'active' | 'invited' | 'suspended' | 'pending_verification';

@Table('users')
@Index('ix_users_tenant_email', ['tenantId', 'email'], { unique: true, activeOnly: true })
@Index('ix_users_identity_provider', ['identityProvider', 'identityProviderId'], { unique: true, activeOnly: true })
@Index('ix_users_tenant_status', ['tenantId', 'status'], { activeOnly: true })
@Index('ix_users_tenant_last_login', ['tenantId', 'lastLoginAt'], { activeOnly: true })
export class User extends BaseEntity {
  @Column.varchar(50)
  identityProvider!: IdentityProvider;

  @Column.varchar(255)
  identityProviderId!: string;

  @Column.varchar(255)
  email!: string;

  @Column.varchar(255)
  displayName!: string;

  @Column.datetime({ nullable: true })
  lastLoginAt!: Date | null;

  @Column.int({ default: 0 })
  loginCount!: number;

  @Column.int({ default: 0 })
  totalUsageMinutes!: number;

  @Column.datetime({ nullable: true })
  lastSessionStart!: Date | null;

  @Column.datetime({ nullable: true })
  lastActiveAt!: Date | null;

  @Column.varchar(20, { default: 'active' })
  status!: UserStatus;

  @Column.varchar(4000, { nullable: true })
  userMetadata!: string | null;
}
