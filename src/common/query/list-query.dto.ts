import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from './page-query.dto';
import { emptyToUndefined } from './query-values';

export { emptyToUndefined, queryInt } from './query-values';

/**
 * Paging and search shared by every bare-array list (API.md §1). Domain list DTOs extend it with
 * their filters and a `sort` allow-list (see IsSort). Invalid values are 400 (query validation).
 */
export class ListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Case-insensitive substring',
    maxLength: 100,
  })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MaxLength(100)
  search?: string;
}
