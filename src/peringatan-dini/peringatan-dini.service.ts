import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { msg } from '../i18n/catalogue';
import { t } from '../i18n/language';
import { leafCachedPredictor, type PredictionCore } from '../prediksi/domain/predict';
import { adviceFor, formatNumber } from '../prediksi/domain/saran';
import { nextSemester, type Semester } from '../prediksi/domain/semester';
import type { ActiveModel } from '../prediksi/services/model-registry.service';
import { PredictionService } from '../prediksi/services/prediction.service';
import type { AlasanDto, PeringatanItemDto, PeringatanPageDto } from './dto/peringatan-dini.dto';
import { loadPeringatanRows, type PeringatanFilter, type PeringatanRow } from './peringatan-dini.query';
import type { TeacherScope } from '../scope/teacher-scope';
import { type AlasanKode, compareRisk, riskReasons } from './risk-rules';

/** A student the rules select, before the page's texts and advice are added. */
interface AtRisk {
  row: PeringatanRow;
  siswa_id: number;
  core: PredictionCore;
  prediksi_prestasi: string;
  probabilities: Record<string, number>;
  alasan: AlasanKode[];
}

export interface PeringatanList {
  items: PeringatanItemDto[];
  total: number;
  assessed: number;
  modelVersion: number;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * The early-warning list (issue #14): one query for the whole school's features, then in-memory
 * tree walks (a leaf-cached predictor) and the risk rules; decision paths and advice are built only
 * for the rows answered (a page, or everything for an export).
 */
@Injectable()
export class PeringatanDiniService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly predictions: PredictionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async page(filter: PeringatanFilter, skip: number, limit: number, scope: TeacherScope): Promise<PeringatanPageDto> {
    const list = await this.list(filter, scope, { skip, limit });
    return {
      data: list.items,
      total: list.total,
      skip,
      limit,
      model_version: list.modelVersion,
      turun_nilai_min: this.config.peringatan.turunNilai,
      jumlah_dinilai: list.assessed,
    };
  }

  /** Every at-risk student, most urgent first, with texts and advice (`window`: only those rows). */
  async list(filter: PeringatanFilter, scope: TeacherScope, window?: { skip: number; limit: number }): Promise<PeringatanList> {
    const active = await this.predictions.activeModel();
    const rows = await loadPeringatanRows(this.dataSource.manager, filter, scope);
    const atRisk = this.select(active, rows);
    const shown = window ? atRisk.slice(window.skip, window.skip + window.limit) : atRisk;
    return {
      items: shown.map((r) => this.item(active, r)),
      total: atRisk.length,
      assessed: rows.length,
      modelVersion: active.model.version,
    };
  }

  private select(active: ActiveModel, rows: PeringatanRow[]): AtRisk[] {
    const predictor = leafCachedPredictor(active.tree);
    const turunNilai = this.config.peringatan.turunNilai;
    const out: AtRisk[] = [];
    for (const row of rows) {
      const core = this.predictions.run(active, this.predictions.featuresOf(active, row), predictor);
      const alasan = riskReasons(
        {
          prediksi: core.prediksi_prestasi,
          prestasiTerakhir: row.prestasi_terakhir,
          rataRata: Number(row.rata_rata),
          rataRataSebelumnya: num(row.prev_rata_rata),
          kategoriKehadiran: row.kategori_kehadiran as string | null,
          kategoriKehadiranSebelumnya: row.prev_kategori_kehadiran,
        },
        turunNilai,
      );
      if (alasan.length) {
        out.push({
          row,
          siswa_id: row.siswa_id,
          core,
          prediksi_prestasi: core.prediksi_prestasi,
          probabilities: core.probabilities,
          alasan,
        });
      }
    }
    return out.sort(compareRisk);
  }

  private item(active: ActiveModel, r: AtRisk): PeringatanItemDto {
    const { row, core } = r;
    const rata = Number(row.rata_rata);
    const prevRata = num(row.prev_rata_rata);
    const advice = adviceFor(active.tree, this.predictions.featuresOf(active, row), this.config.thresholds);
    const path = core.explanation.map((s) => s.text);
    return {
      siswa_id: row.siswa_id,
      nama: row.nama,
      nis: row.nis,
      kelas: row.kelas,
      data_dari: { semester: row.semester, tahun_ajaran: row.tahun_ajaran },
      prediksi_untuk: nextSemester(row.semester as Semester, row.tahun_ajaran),
      prediksi_prestasi: core.prediksi_prestasi,
      confidence: core.confidence,
      probabilities: core.probabilities as unknown as PeringatanItemDto['probabilities'],
      prestasi_terakhir: row.prestasi_terakhir,
      alasan: r.alasan.map((kode) => this.alasan(kode, r)),
      jalur_keputusan: [...path, core.prediksi_prestasi].join(' → '),
      saran: advice.saran,
      saran_alternatif: advice.saran_alternatif,
      tren: {
        rata_rata: rata,
        rata_rata_sebelumnya: prevRata,
        selisih_rata_rata: prevRata === null ? null : Math.round((rata - prevRata) * 100) / 100,
        persentase_kehadiran: Number(row.persentase_kehadiran),
        persentase_kehadiran_sebelumnya: num(row.prev_persentase_kehadiran),
        kategori_kehadiran: String(row.kategori_kehadiran),
        kategori_kehadiran_sebelumnya: row.prev_kategori_kehadiran,
      },
    };
  }

  private alasan(kode: AlasanKode, r: AtRisk): AlasanDto {
    const { row } = r;
    const format = (v: number): string => formatNumber(v, 2);
    const params = {
      prediksi: r.prediksi_prestasi,
      prestasi: row.prestasi_terakhir,
      sebelumnya: row.prev_rata_rata === null ? '' : format(Number(row.prev_rata_rata)),
      sekarang: format(Number(row.rata_rata)),
      selisih: row.prev_rata_rata === null ? '' : format(Number(row.prev_rata_rata) - Number(row.rata_rata)),
      kehadiran_sebelumnya: row.prev_kategori_kehadiran,
    };
    const key = (
      {
        PREDIKSI_RENDAH: 'ALASAN_PREDIKSI_RENDAH',
        DI_BAWAH_PRESTASI: 'ALASAN_DI_BAWAH_PRESTASI',
        NILAI_TURUN: 'ALASAN_NILAI_TURUN',
        KEHADIRAN_TURUN: 'ALASAN_KEHADIRAN_TURUN',
      } as const
    )[kode];
    return { kode, teks: t(msg(key, params)) };
  }
}
