import { ApiProperty } from '@nestjs/swagger';

/** Counterfactual advice (issue #14): the smallest change of one actionable feature that raises the prediction. */
export class SaranDto {
  @ApiProperty({ example: 'rata_rata', description: 'Only grades and attendance; never income or gender' }) fitur: string;
  @ApiProperty({ enum: ['numeric', 'nominal'] }) jenis: string;
  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'string' }], example: 68.27 }) nilai_sekarang: number | string;
  @ApiProperty({
    oneOf: [{ type: 'number' }, { type: 'string' }],
    example: 70.01,
    description: 'Numeric: the smallest value in steps of 0.01 that raises the prediction (0.01 less does not); nominal: the category',
  })
  nilai_saran: number | string;
  @ApiProperty({ nullable: true, type: Number, example: 70, description: 'Numeric: the tree’s exact threshold that nilai_saran exceeds' })
  ambang: number | null;
  @ApiProperty({ example: 1.74, description: 'Numeric: points to gain; nominal: category steps' }) perubahan: number;
  @ApiProperty({ enum: ['Tinggi', 'Sedang', 'Rendah'], description: 'The prediction after the change (at least one category higher)' })
  prediksi_baru: string;
  @ApiProperty({ example: 'Jika nilai rata-rata naik dari 68,27 menjadi ≥ 70,01 (ambang pohon: > 70), prediksi menjadi Sedang' }) teks: string;
}
