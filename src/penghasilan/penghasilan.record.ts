// What a penghasilan record is (a RecordSpec): columns, derived fields, natural key, spreadsheet layout. RecordsEngine applies them; penghasilan.service.ts and penghasilan.controller.ts only wire it up.
import { type IncomeThresholds, kategoriPenghasilan, totalPenghasilan } from '../common/derived/derived';
import type { RecordSpec } from '../records/record-spec';
import type { CategoryColumn } from '../records/threshold-recompute';
import { ownedRecordBase } from '../records/siswa-owned';
import { ID_COLUMN, SISWA_EXPORT_COLUMNS, SISWA_ID_IMPORT, TIMESTAMP_COLUMNS } from '../records/shared-columns';
import type { ImportColumn } from '../common/spreadsheet/sheet-columns';
import { Siswa } from '../siswa/siswa.entity';
import { CreatePenghasilanDto } from './dto/create-penghasilan.dto';
import { PENGHASILAN_SORT } from './dto/list-penghasilan-query.dto';
import { penghasilanFields, type PenghasilanResponseDto, toPenghasilanResponse } from './dto/penghasilan-response.dto';
import { PenghasilanOrangTua } from './penghasilan.entity';

const text = (header: string, field: string): ImportColumn => ({
  header,
  field,
  type: 'string',
  required: false,
});

/** The penghasilan rules: total and category derived on every write, with the configured thresholds. */
export function penghasilanRecordSpec(
  thresholds: IncomeThresholds,
): RecordSpec<PenghasilanOrangTua, CreatePenghasilanDto, PenghasilanResponseDto> {
  return {
    entity: PenghasilanOrangTua,
    ...ownedRecordBase<PenghasilanOrangTua>({
      entityType: 'penghasilan',
      table: 'penghasilan_orang_tua',
      owner: Siswa,
      sortable: PENGHASILAN_SORT,
      perSemester: false,
      category: { query: 'kategori_penghasilan', property: 'kategoriPenghasilan' },
    }),
    createDto: CreatePenghasilanDto,
    toInput: (p) => ({
      siswa_id: p.siswaId,
      ...penghasilanFields(p),
    }),
    prepare(input) {
      const total = totalPenghasilan(input.penghasilan_ayah, input.penghasilan_ibu);
      return {
        values: {
          siswaId: input.siswa_id,
          penghasilanAyah: input.penghasilan_ayah,
          penghasilanIbu: input.penghasilan_ibu,
          pekerjaanAyah: input.pekerjaan_ayah ?? null,
          pekerjaanIbu: input.pekerjaan_ibu ?? null,
          pendidikanAyah: input.pendidikan_ayah ?? null,
          pendidikanIbu: input.pendidikan_ibu ?? null,
          totalPenghasilan: total,
          kategoriPenghasilan: kategoriPenghasilan(total, thresholds),
        },
      };
    },
    toResponse: toPenghasilanResponse,
    spreadsheet: {
      fileBase: 'Data_Penghasilan_Orang_Tua',
      sheetName: 'Data Penghasilan Orang Tua',
      exportColumns: [
        ID_COLUMN,
        ...SISWA_EXPORT_COLUMNS,
        {
          header: 'Penghasilan Ayah',
          value: (r) => r.penghasilan_ayah,
          width: 16,
        },
        {
          header: 'Penghasilan Ibu',
          value: (r) => r.penghasilan_ibu,
          width: 16,
        },
        { header: 'Pekerjaan Ayah', value: (r) => r.pekerjaan_ayah },
        { header: 'Pekerjaan Ibu', value: (r) => r.pekerjaan_ibu },
        { header: 'Pendidikan Ayah', value: (r) => r.pendidikan_ayah },
        { header: 'Pendidikan Ibu', value: (r) => r.pendidikan_ibu },
        {
          header: 'Total Penghasilan',
          value: (r) => r.total_penghasilan,
          width: 16,
        },
        {
          header: 'Kategori Penghasilan',
          value: (r) => r.kategori_penghasilan,
        },
        ...TIMESTAMP_COLUMNS,
      ],
      importColumns: [
        SISWA_ID_IMPORT,
        {
          header: 'Penghasilan Ayah',
          field: 'penghasilan_ayah',
          type: 'integer',
          required: true,
        },
        {
          header: 'Penghasilan Ibu',
          field: 'penghasilan_ibu',
          type: 'integer',
          required: true,
        },
        text('Pekerjaan Ayah', 'pekerjaan_ayah'),
        text('Pekerjaan Ibu', 'pekerjaan_ibu'),
        text('Pendidikan Ayah', 'pendidikan_ayah'),
        text('Pendidikan Ibu', 'pendidikan_ibu'),
      ],
    },
  };
}

/** The stored kategori_penghasilan re-derived at start-up when the configured thresholds change (CategorizedRecordsEngine). */
export function penghasilanCategoryColumn(t: IncomeThresholds): CategoryColumn {
  const bands: CategoryColumn['bands'] = [['Tinggi', t.incomeHighMin], ['Menengah', t.incomeMediumMin]];
  return { settingKey: 'thresholds.penghasilan', table: 'penghasilan_orang_tua', source: 'total_penghasilan', target: 'kategori_penghasilan', bands, fallback: 'Rendah' };
}
