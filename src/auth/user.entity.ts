import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '../common/role';

/** Free-form staff details the client edits (merged on update, never replaced wholesale). */
export interface UserProfile {
  nip?: string;
  nama_lengkap?: string;
  jabatan?: string;
  no_hp?: string;
  alamat?: string;
}

@Entity({ name: 'users' })
@Check('ck_users_role', `"role" IN ('admin', 'guru', 'staf')`)
// Case-insensitive uniqueness of lower(email): an expression index TypeORM cannot describe, so it is
// named here and left to migration 1764230500000. Usernames are unique by usernameNormalized below.
@Index('uq_users_email', { synchronize: false })
export class User {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** As the user (or an admin) spelled it; shown, never compared. */
  @Column({ type: 'varchar', length: 50 })
  username: string;

  /**
   * normalizeUsername(username): what login, the throttle and uniqueness compare. Null only for an
   * account the 1764231200000 migration found clashing with an older one; it cannot log in until an
   * admin renames it.
   */
  @Index('uq_users_username_normalized', { unique: true })
  @Column({ type: 'text', nullable: true })
  usernameNormalized: string | null;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 10 })
  role: Role;

  @Column({ type: 'jsonb', default: {} })
  profile: UserProfile;

  @Column({ type: 'boolean', default: true })
  isActive: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;
}
