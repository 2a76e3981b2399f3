import { ApiProperty } from '@nestjs/swagger';
import { type SiswaJoin } from '../../records/record-spec';
import { SemesterRecordResponseDto, semesterResponse } from '../../records/siswa-owned';
import type { NilaiRaport } from '../nilai.entity';
import { REPORT_SUBJECTS } from '../nilai-subjects';

export class NilaiResponseDto extends SemesterRecordResponseDto {
  @ApiProperty() matematika: number;
  @ApiProperty() bahasa_indonesia: number;
  @ApiProperty() bahasa_inggris: number;
  @ApiProperty() bahasa_jawa: number;
  @ApiProperty() ipa: number;
  @ApiProperty() agama: number;
  @ApiProperty() pjok: number;
  @ApiProperty() pkn: number;
  @ApiProperty() sejarah: number;
  @ApiProperty() seni: number;
  @ApiProperty() dasar_kejuruan: number;
  @ApiProperty({ description: 'Mean of the eleven scores, full precision' })
  rata_rata: number;
}

export function toNilaiResponse(nilai: NilaiRaport, join?: SiswaJoin): NilaiResponseDto {
  // Assigned rather than spread (same key order): exports build a million of these.
  const response = semesterResponse(nilai, join) as unknown as Record<string, unknown>;
  for (const s of REPORT_SUBJECTS) response[s.field] = nilai[s.prop];
  response.rata_rata = nilai.rataRata;
  return response as unknown as NilaiResponseDto;
}
