import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class FieldErrorDto {
  @ApiPropertyOptional({ description: 'Row number of an uploaded file (1 = first data row)' })
  row?: number;

  @ApiProperty({ example: 'nis' })
  field: string;

  @ApiProperty({ example: 'nis must be 5–20 letters or digits' })
  message: string;
}

/** RFC 9457 problem details, the body of every error response. */
export class ProblemDto {
  @ApiProperty({ example: 'about:blank' })
  type: string;

  @ApiProperty({ example: 'Not Found' })
  title: string;

  @ApiProperty({ example: 404 })
  status: number;

  @ApiProperty({ example: 'Siswa 42 not found' })
  detail: string;

  @ApiProperty({ example: '/api/siswa/42' })
  instance: string;

  @ApiPropertyOptional({ example: 'SISWA_NOT_FOUND' })
  code?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];

  @ApiPropertyOptional({ description: 'Present on 500: quote it when reporting the problem' })
  error_id?: string;

  @ApiPropertyOptional()
  request_id?: string;
}
