import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '../../common/role';

export class ProfileResponseDto {
  @ApiPropertyOptional() nip?: string;
  @ApiPropertyOptional() nama_lengkap?: string;
  @ApiPropertyOptional() jabatan?: string;
  @ApiPropertyOptional() no_hp?: string;
  @ApiPropertyOptional() alamat?: string;
}

/** A user as the API shows it: never a password hash. */
export class UserResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() username: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: ProfileResponseDto }) profile: ProfileResponseDto;
  @ApiProperty() is_active: boolean;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) last_login_at: string | null;
}

export class AccessTokenResponseDto {
  @ApiProperty() access_token: string;
  @ApiProperty({ enum: ['bearer'] }) token_type: 'bearer';
  @ApiProperty({ description: 'Seconds until the access token expires' }) expires_in: number;
  @ApiPropertyOptional({ description: 'The rotated refresh token, when one was presented' }) refresh_token?: string;
}

export class TokenResponseDto extends AccessTokenResponseDto {
  @ApiProperty() declare refresh_token: string;
  @ApiProperty({ type: UserResponseDto }) user: UserResponseDto;
}
