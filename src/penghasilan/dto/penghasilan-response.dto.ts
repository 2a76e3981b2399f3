import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { KATEGORI_PENGHASILAN } from '../../common/derived/derived';
import type { SiswaJoin } from '../../records/record-spec';
import { OwnedRecordResponseDto, ownedResponse } from '../../records/siswa-owned';
import type { PenghasilanOrangTua } from '../penghasilan.entity';
import type { CreatePenghasilanDto } from './create-penghasilan.dto';

export class PenghasilanResponseDto extends OwnedRecordResponseDto {
  @ApiProperty() penghasilan_ayah: number;
  @ApiProperty() penghasilan_ibu: number;
  @ApiPropertyOptional({ nullable: true, type: String }) pekerjaan_ayah: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) pekerjaan_ibu: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) pendidikan_ayah: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) pendidikan_ibu: string | null;
  @ApiProperty({ description: 'ayah + ibu' }) total_penghasilan: number;
  @ApiProperty({ enum: KATEGORI_PENGHASILAN }) kategori_penghasilan: string;
}

/** The entered fields of a row under their API names (the response, and the engine's input for updates). */
export function penghasilanFields(p: PenghasilanOrangTua): Required<Omit<CreatePenghasilanDto, 'siswa_id'>> {
  return {
    penghasilan_ayah: p.penghasilanAyah,
    penghasilan_ibu: p.penghasilanIbu,
    pekerjaan_ayah: p.pekerjaanAyah,
    pekerjaan_ibu: p.pekerjaanIbu,
    pendidikan_ayah: p.pendidikanAyah,
    pendidikan_ibu: p.pendidikanIbu,
  };
}

export function toPenghasilanResponse(p: PenghasilanOrangTua, join?: SiswaJoin): PenghasilanResponseDto {
  return {
    ...ownedResponse(p, join),
    ...penghasilanFields(p),
    total_penghasilan: p.totalPenghasilan,
    kategori_penghasilan: p.kategoriPenghasilan,
  };
}
