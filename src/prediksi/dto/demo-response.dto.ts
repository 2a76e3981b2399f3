import { ApiProperty } from '@nestjs/swagger';

export class DemoCountsDto {
  @ApiProperty({ description: 'Students created' }) count: number;
  @ApiProperty() siswa: number;
  @ApiProperty() nilai: number;
  @ApiProperty() presensi: number;
  @ApiProperty() penghasilan: number;
  @ApiProperty() prestasi: number;
}

/** generate-dummy [client] reads `jumlah_data`; generate-dummy-data reads `data.count`. */
export class GenerateDummyResponseDto {
  @ApiProperty({ example: 'success' }) status: string;
  @ApiProperty() message: string;
  @ApiProperty({ description: 'Students created' }) jumlah_data: number;
  @ApiProperty({ type: DemoCountsDto }) data: DemoCountsDto;
}

export class DemoSiswaDto {
  @ApiProperty() id: number;
  @ApiProperty() nama: string;
  @ApiProperty() nis: string;
  @ApiProperty() kelas: string;
}

export class GenerateForStudentDataDto {
  @ApiProperty({ type: DemoSiswaDto }) siswa: DemoSiswaDto;
  @ApiProperty() tahun_ajaran: string;
  @ApiProperty({ type: [String], example: ['2 nilai raport', '2 presensi', '2 prestasi'], description: 'What was created (the client joins it)' })
  data_dibuat: string[];
}

/** generate-dummy-by-name [client] reads `data.siswa.nama` and `data.data_dibuat`. */
export class GenerateForStudentResponseDto {
  @ApiProperty({ example: 'success' }) status: string;
  @ApiProperty() message: string;
  @ApiProperty({ type: GenerateForStudentDataDto }) data: GenerateForStudentDataDto;
}
