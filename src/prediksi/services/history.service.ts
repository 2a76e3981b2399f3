import { HttpStatus, Injectable, type StreamableFile } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { recordChange } from '../../common/audit/audit-context';
import { DomainException } from '../../common/http/problem';
import { PREDIKSI_ERRORS } from '../prediksi.errors';
import { streamExport } from '../../common/spreadsheet/export-stream';
import type { SpreadsheetSpec } from '../../common/spreadsheet/sheet-columns';
import type { TeacherScope } from '../../scope/teacher-scope';
import { SEMESTER_EXPORT_COLUMNS, SISWA_EXPORT_COLUMNS } from '../../records/shared-columns';

export interface HistoryFilter {
  siswa_id?: number;
  kelas?: string;
  semester?: string;
  tahun_ajaran?: string;
  prediksi_prestasi?: string;
}

export interface HistoryItem {
  id: number;
  siswa_id: number;
  nama_siswa: string;
  kelas: string;
  semester: string;
  tahun_ajaran: string;
  prediksi_prestasi: string;
  confidence: number;
  model_version: number;
  created_at: Date;
  updated_at: Date;
}

const EXPORT_BATCH = 2000;

const HISTORY_SHEET: SpreadsheetSpec<HistoryItem> = {
  fileBase: 'Riwayat_Prediksi_Prestasi',
  sheetName: 'Riwayat Prediksi',
  importColumns: [],
  exportColumns: [
    { header: 'ID', value: (r) => r.id, width: 8 },
    ...SISWA_EXPORT_COLUMNS,
    { header: 'Kelas', value: (r) => r.kelas, width: 12 },
    ...SEMESTER_EXPORT_COLUMNS,
    { header: 'Prediksi Prestasi', value: (r) => r.prediksi_prestasi, width: 16 },
    { header: 'Confidence', value: (r) => r.confidence, width: 12 },
    { header: 'Versi Model', value: (r) => r.model_version, width: 11 },
    { header: 'Dibuat', value: (r) => r.created_at.toISOString(), width: 26 },
    { header: 'Diperbarui', value: (r) => r.updated_at.toISOString(), width: 26 },
  ],
};

const SELECT = `SELECT h.id, h.siswa_id, s.nama AS nama_siswa, s.kelas, h.semester, h.tahun_ajaran, h.prediksi_prestasi,
  h.confidence, h.model_version, h.created_at, h.updated_at
  FROM prediksi_history h JOIN siswa s ON s.id = h.siswa_id`;

/** Newest first (a re-prediction counts as new), id breaking ties so pages never overlap. */
const ORDER = 'ORDER BY h.updated_at DESC, h.id DESC';

/** The filters and the teacher scope (only the history of students in reach) as one WHERE clause. */
function whereOf(filter: HistoryFilter, scope: TeacherScope): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const clauses: string[] = scope.restricted ? [scope.sqlCondition('h.siswa_id', params)] : [];
  const add = (column: string, value: unknown): void => {
    if (value === undefined) return;
    params.push(value);
    clauses.push(`${column} = $${params.length}`);
  };
  add('h.siswa_id', filter.siswa_id);
  add('s.kelas', filter.kelas);
  add('h.semester', filter.semester);
  add('h.tahun_ajaran', filter.tahun_ajaran);
  add('h.prediksi_prestasi', filter.prediksi_prestasi);
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

@Injectable()
export class HistoryService {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: HistoryFilter, skip: number, limit: number, scope: TeacherScope): Promise<{ data: HistoryItem[]; total: number }> {
    const where = whereOf(filter, scope);
    const n = where.params.length;
    const [data, [{ total }]] = await Promise.all([
      this.dataSource.query(`${SELECT} ${where.sql} ${ORDER} OFFSET $${n + 1} LIMIT $${n + 2}`, [...where.params, skip, limit]) as Promise<HistoryItem[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM prediksi_history h JOIN siswa s ON s.id = h.siswa_id ${where.sql}`, where.params) as Promise<
        Array<{ total: number }>
      >,
    ]);
    return { data, total };
  }

  async remove(id: number): Promise<void> {
    const rows = (await this.dataSource.query('DELETE FROM prediksi_history WHERE id = $1 RETURNING id, siswa_id, semester, tahun_ajaran, prediksi_prestasi', [
      id,
    ])) as [Array<Record<string, unknown>>, number];
    const deleted = rows[0];
    if (!deleted || deleted.length === 0) {
      throw new DomainException(HttpStatus.NOT_FOUND, PREDIKSI_ERRORS.HISTORY_NOT_FOUND, { id });
    }
    recordChange({ entity_type: 'prediksi_history', entity_id: id, before: deleted[0] });
  }

  /** Streams the whole (filtered) history as xlsx, read in keyset-paged batches. */
  export(filter: HistoryFilter, scope: TeacherScope): StreamableFile {
    return streamExport('xlsx', HISTORY_SHEET, this.batches(filter, scope));
  }

  /** Keyset pages by id (newest rows have the highest ids), so a long export never re-reads or skips rows. */
  private async *batches(filter: HistoryFilter, scope: TeacherScope): AsyncIterable<HistoryItem[]> {
    const where = whereOf(filter, scope);
    let afterId: number | null = null;
    for (;;) {
      const params = [...where.params];
      let keyset = '';
      if (afterId !== null) {
        params.push(afterId);
        keyset = `${where.sql ? ' AND' : 'WHERE'} h.id < $${params.length}`;
      }
      const batch = (await this.dataSource.query(`${SELECT} ${where.sql}${keyset} ORDER BY h.id DESC LIMIT ${EXPORT_BATCH}`, params)) as HistoryItem[];
      if (batch.length === 0) return;
      yield batch;
      if (batch.length < EXPORT_BATCH) return;
      afterId = batch[batch.length - 1].id;
    }
  }
}
