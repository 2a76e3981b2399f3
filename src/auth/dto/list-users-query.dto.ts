import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { ListQueryDto } from '../../common/query/list-query.dto';
import { queryBoolean } from '../../common/query/query-boolean';
import { ROLES, type Role } from '../../common/role';


/** GET /auth/users [client]: the shared paging and `search` (username, email or nama_lengkap). */
export class ListUsersQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional() @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional() @Transform(queryBoolean) @IsBoolean()
  is_active?: boolean;
}
