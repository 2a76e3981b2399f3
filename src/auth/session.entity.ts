import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import { User } from './user.entity';

/** One login. Access tokens carry its id as `sid`; revoking it refuses them all. */
@Entity({ name: 'user_session' })
@Index('ix_user_session_user_id', ['userId'])
// Every process loads the revoked, not yet expired sessions at start.
@Index('ix_user_session_revoked', ['expiresAt'], { where: '"revoked_at" IS NOT NULL' })
export class UserSession {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @ForeignKey(() => User, { name: 'fk_user_session_user', onDelete: 'CASCADE' })
  @Column({ type: 'integer' })
  userId: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastUsedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  revokedReason: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 512, nullable: true })
  userAgent: string | null;
}

/** A refresh token of a session, stored as its SHA-256; rotated (never reused) on every refresh. */
@Entity({ name: 'refresh_token' })
@Unique('uq_refresh_token_token_hash', ['tokenHash'])
@Index('ix_refresh_token_session_id', ['sessionId'])
export class RefreshToken {
  @PrimaryColumn({ type: 'bigint', generated: 'identity' })
  id: string;

  @ForeignKey(() => UserSession, { name: 'fk_refresh_token_session', onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  sessionId: string;

  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  rotatedAt: Date | null;
}
