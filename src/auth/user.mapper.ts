import type { UserResponseDto } from './dto/user-response.dto';
import type { User } from './user.entity';

export function toUserResponse(user: User): UserResponseDto {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    role: user.role,
    profile: user.profile ?? {},
    is_active: user.isActive,
    created_at: user.createdAt.toISOString(),
    last_login_at: user.lastLoginAt ? user.lastLoginAt.toISOString() : null,
  };
}

/** The user as the event log's before/after shows it (the writer redacts secrets anyway). */
export function toUserAudit(user: User): Record<string, unknown> {
  return { ...toUserResponse(user) };
}
