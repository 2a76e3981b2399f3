import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** `/auth/token` (form-urlencoded or JSON, the client's OAuth2 password form) and `/auth/login`. */
export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  username: string;

  @ApiProperty({ example: 'kunci-sekolah-2024', format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password: string;

  @ApiPropertyOptional({ enum: ['password'], description: 'OAuth2 password grant; the only grant supported' })
  @IsOptional()
  @IsIn(['password'])
  grant_type?: string;
}

export class RefreshDto {
  @ApiPropertyOptional({ description: 'A refresh token; omit it to refresh with the bearer access token instead' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refresh_token?: string;
}

export class LogoutDto extends RefreshDto {}
