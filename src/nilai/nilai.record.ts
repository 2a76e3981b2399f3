// What a nilai record is (a RecordSpec): columns, derived fields, natural key, spreadsheet layout. RecordsEngine applies them; nilai.service.ts and nilai.controller.ts only wire it up.
import { rataRata } from '../common/derived/derived';
import type { RecordSpec } from '../records/record-spec';
import { ownedRecordBase, semesterInput, semesterValues } from '../records/siswa-owned';
import { SEMESTER_IMPORT_COLUMNS, SEMESTER_ROW_COLUMNS, TIMESTAMP_COLUMNS, SISWA_NUMBER_EXPORT_COLUMNS } from '../records/shared-columns';
import { CreateNilaiDto } from './dto/create-nilai.dto';
import { NILAI_LIST } from './dto/list-nilai-query.dto';
import { type NilaiResponseDto, toNilaiResponse } from './dto/nilai-response.dto';
import { NilaiRaport } from './nilai.entity';
import { REPORT_SUBJECTS, SUBJECTS } from './nilai-subjects';

type Input = CreateNilaiDto & Record<string, unknown>;

/** The nilai rules the RecordsEngine applies: rata_rata derived from the eleven scores on every write. */
export const NILAI_RECORD: RecordSpec<NilaiRaport, CreateNilaiDto, NilaiResponseDto> = {
  ...ownedRecordBase(NilaiRaport, CreateNilaiDto, {
    entityType: 'nilai',
    list: NILAI_LIST,
    // A guru writes only the scores of the subjects they teach in the student's rombel (penugasan.mapel is the field name).
    guruScope: { read: 'kelas', write: { by: 'mapel', subjects: Object.fromEntries(SUBJECTS.map((s) => [s.prop, s.field])) } },
  }),
  toInput: (n) =>
    ({
      ...semesterInput(n),
      ...Object.fromEntries(REPORT_SUBJECTS.map((s) => [s.field, n[s.prop]])),
    }) as CreateNilaiDto,
  // A plain loop into one object: an upload prepares 100,000 rows, and Object.fromEntries with two
  // spreads made each a dictionary-mode object (≈ 17 µs and 8 KB of garbage per row).
  prepare(input) {
    const values: Record<string, unknown> = semesterValues(input);
    const scores: number[] = [];
    for (const s of REPORT_SUBJECTS) {
      const score = (input as Input)[s.field] as number;
      scores.push(score);
      values[s.prop] = score;
    }
    values.rataRata = rataRata(scores);
    return { values };
  },
  toResponse: toNilaiResponse,
  spreadsheet: {
    fileBase: 'Data_Nilai_Raport',
    sheetName: 'Data Nilai Raport',
    exportColumns: [
      ...SEMESTER_ROW_COLUMNS,
      ...REPORT_SUBJECTS.map((s) => ({
        header: s.header,
        value: (r: NilaiResponseDto) => (r as unknown as Record<string, number>)[s.field] ?? null,
      })),
      { header: 'Rata-rata', value: (r) => r.rata_rata },
      ...TIMESTAMP_COLUMNS,
      ...SISWA_NUMBER_EXPORT_COLUMNS,
    ],
    importColumns: [
      ...SEMESTER_IMPORT_COLUMNS,
      ...REPORT_SUBJECTS.map((s) => ({
        header: s.header,
        field: s.field,
        type: 'number' as const,
        required: true,
      })),
    ],
  },
};
