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
// Case-insensitive uniqueness, on lower(username) and lower(email): expression indexes TypeORM cannot
// describe, so they are named here and left to migration 1764230500000.
@Index('uq_users_username', { synchronize: false })
@Index('uq_users_email', { synchronize: false })
export class User {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 50 })
  username: string;

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
