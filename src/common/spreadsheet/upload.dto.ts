import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { queryBoolean } from '../query/query-boolean';

/** An empty `dry_run=` (a form field left blank) is false. */
const dryRun = ({ value }: { value: unknown }): unknown => (value === '' ? false : queryBoolean({ value }));

export class UploadQueryDto {
  @ApiPropertyOptional({
    enum: ['insert', 'upsert'],
    default: 'insert',
    description: 'upsert updates rows whose natural key exists',
  })
  @IsOptional()
  @IsIn(['insert', 'upsert'])
  mode: 'insert' | 'upsert' = 'insert';

  @ApiPropertyOptional({
    default: false,
    description: 'Validate only; write nothing',
  })
  @IsOptional()
  @Transform(dryRun)
  @IsBoolean()
  dry_run: boolean = false;
}

export class UploadResultDto {
  @ApiProperty({ example: 'success' })
  status: 'success';

  @ApiProperty({ example: '500 rows imported: 480 created, 20 updated' })
  message: string;

  @ApiProperty({ example: 480 })
  created: number;

  @ApiProperty({ example: 20 })
  updated: number;

  @ApiProperty({ example: false })
  dry_run: boolean;
}
