import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ROLES, type Role } from '../../common/role';

const USERNAME = /^[A-Za-z0-9_.-]{3,50}$/;

export class ProfileInputDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(30) nip?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) nama_lengkap?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) jabatan?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) no_hp?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) alamat?: string;
}

export class RegisterDto {
  @ApiProperty({ example: 'guru01' })
  @IsString()
  @Matches(USERNAME)
  username: string;

  @ApiProperty({ example: 'guru01@sekolah.sch.id' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 8, format: 'password' })
  @IsString()
  @MinLength(8)
  @MaxLength(128)
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ type: ProfileInputDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProfileInputDto)
  profile?: ProfileInputDto;
}

/** `PUT /auth/me/profile`: only these; role and is_active are not the user's to change (stripped). */
export class UpdateProfileDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ type: ProfileInputDto, description: 'Merged into the stored profile' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProfileInputDto)
  profile?: ProfileInputDto;
}

/** `PUT /auth/users/{id}` (admin). An empty or absent password leaves it unchanged (the client sends ""). */
export class UpdateUserDto extends UpdateProfileDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(USERNAME)
  username?: string;

  @ApiPropertyOptional({ minLength: 8, format: 'password' })
  @IsOptional()
  @ValidateIf((o: UpdateUserDto) => typeof o.password === 'string' && o.password !== '')
  @IsString()
  @MinLength(8)
  @MaxLength(128)
  password?: string | null;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  is_active?: boolean;
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  current_password: string;

  @ApiProperty({ minLength: 8, format: 'password' })
  @IsString()
  @MinLength(8)
  @MaxLength(128)
  new_password: string;
}
