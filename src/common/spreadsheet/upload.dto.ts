import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' || value === '' ? false : value;

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
  @Transform(toBoolean)
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
