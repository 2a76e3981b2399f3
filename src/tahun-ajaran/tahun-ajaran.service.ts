import { Injectable } from '@nestjs/common';
import { msg } from '../i18n/catalogue';
import { DataSource, type EntityManager } from 'typeorm';
import { recordChange } from '../common/audit/audit-context';
import type { FieldError } from '../common/http/problem';
import type { Page } from '../common/query/total-count';
import { transactionWithRules } from '../records/constraint-errors';
import { SUBJECTS } from '../nilai/nilai-subjects';
import type { KkmResponseDto, UpdateKkmDto } from './dto/kkm.dto';
import {
  type CreateTahunAjaranDto,
  type TahunAjaranResponseDto,
  toTahunAjaranResponse,
  type UpdateTahunAjaranDto,
} from './dto/tahun-ajaran.dto';
import { KkmMapel, TahunAjaran } from './tahun-ajaran.entity';
import { TAHUN_AJARAN_CONSTRAINTS, TahunAjaranErrors } from './tahun-ajaran.errors';

const MAPEL = SUBJECTS.map((s) => s.field);

/** 1 July of the first year to 30 June of the second: the Indonesian school year. */
function defaultPeriod(nama: string): { mulai: string; selesai: string } {
  const first = Number(nama.slice(0, 4));
  return { mulai: `${first}-07-01`, selesai: `${first + 1}-06-30` };
}

function isRealDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * School years: exactly one active once any exists (the first is active; activating one deactivates
 * the other in the same transaction; the partial unique index decides a race). KKM per subject.
 */
@Injectable()
export class TahunAjaranService {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<Page<TahunAjaranResponseDto>> {
    const rows = await this.dataSource.getRepository(TahunAjaran).find({ order: { nama: 'ASC', id: 'ASC' } });
    return { rows: rows.map(toTahunAjaranResponse), total: rows.length };
  }

  async get(id: number): Promise<TahunAjaranResponseDto> {
    return toTahunAjaranResponse(await this.findOrThrow(this.dataSource.manager, id));
  }

  async active(): Promise<TahunAjaranResponseDto> {
    const year = await this.dataSource.getRepository(TahunAjaran).findOneBy({ aktif: true });
    if (!year) throw TahunAjaranErrors.noneActive();
    return toTahunAjaranResponse(year);
  }

  async create(body: CreateTahunAjaranDto): Promise<TahunAjaranResponseDto> {
    const period = {
      ...defaultPeriod(body.nama),
      ...(body.mulai ? { mulai: body.mulai } : {}),
      ...(body.selesai ? { selesai: body.selesai } : {}),
    };
    this.checkPeriod(period.mulai, period.selesai);
    const created = await transactionWithRules(this.dataSource, TAHUN_AJARAN_CONSTRAINTS, async (m) => {
      // Serialises year writes, so "the first year is active" holds under concurrent creates.
      await m.query('LOCK TABLE "tahun_ajaran" IN SHARE ROW EXCLUSIVE MODE');
      const first = (await m.count(TahunAjaran)) === 0;
      const activate = first || body.aktif === true;
      if (activate) await m.update(TahunAjaran, { aktif: true }, { aktif: false });
      const result = await m.insert(TahunAjaran, {
        nama: body.nama,
        ...period,
        aktif: activate,
        semesterAktif: body.semester_aktif ?? 'Ganjil',
        kkmDefault: body.kkm_default ?? 75,
      });
      const id = (result.identifiers[0] as { id: number }).id;
      if (activate) await this.syncKelas(m, id);
      return this.findOrThrow(m, id);
    });
    const response = toTahunAjaranResponse(created);
    recordChange({ entity_type: 'tahun_ajaran', entity_id: created.id, before: null, after: response });
    return response;
  }

  async update(id: number, body: UpdateTahunAjaranDto): Promise<TahunAjaranResponseDto> {
    const [before, after] = await transactionWithRules(this.dataSource, TAHUN_AJARAN_CONSTRAINTS, async (m) => {
      const year = await this.findOrThrow(m, id, true);
      if (body.aktif === false && year.aktif) throw TahunAjaranErrors.cannotDeactivate();
      const old = toTahunAjaranResponse(year);
      if (body.nama !== undefined && body.nama !== year.nama && (await this.nameInUse(m, year.nama)))
        throw TahunAjaranErrors.nameInUse(year.nama);
      const mulai = body.mulai ?? year.mulai;
      const selesai = body.selesai ?? year.selesai;
      this.checkPeriod(mulai, selesai);
      await m.update(TahunAjaran, id, {
        nama: body.nama ?? year.nama,
        mulai,
        selesai,
        semesterAktif: body.semester_aktif ?? year.semesterAktif,
        kkmDefault: body.kkm_default ?? year.kkmDefault,
      });
      if (body.aktif === true && !year.aktif) await this.activateIn(m, id);
      return [old, toTahunAjaranResponse(await this.findOrThrow(m, id))] as const;
    });
    recordChange({ entity_type: 'tahun_ajaran', entity_id: id, before, after });
    return after;
  }

  /** Makes the year the active one; its rombels' names become their members' `kelas`. */
  async activate(id: number, semesterAktif?: string): Promise<TahunAjaranResponseDto> {
    const [before, after] = await transactionWithRules(this.dataSource, TAHUN_AJARAN_CONSTRAINTS, async (m) => {
      const year = await this.findOrThrow(m, id, true);
      const old = toTahunAjaranResponse(year);
      if (!year.aktif) await this.activateIn(m, id);
      if (semesterAktif) await m.update(TahunAjaran, id, { semesterAktif });
      return [old, toTahunAjaranResponse(await this.findOrThrow(m, id))] as const;
    });
    recordChange({ entity_type: 'tahun_ajaran', entity_id: id, before, after });
    return after;
  }

  async kkm(id: number): Promise<KkmResponseDto> {
    return this.kkmIn(this.dataSource.manager, await this.findOrThrow(this.dataSource.manager, id));
  }

  async updateKkm(id: number, body: UpdateKkmDto): Promise<KkmResponseDto> {
    const changes = this.checkKkmBody(body.mapel ?? {});
    const [before, after] = await this.dataSource.transaction(async (m) => {
      const year = await this.findOrThrow(m, id, true);
      const old = await this.kkmIn(m, year);
      if (body.kkm_default !== undefined) await m.update(TahunAjaran, id, { kkmDefault: body.kkm_default });
      for (const [mapel, kkm] of changes) {
        if (kkm === null) await m.delete(KkmMapel, { tahunAjaranId: id, mapel });
        else await m.upsert(KkmMapel, { tahunAjaranId: id, mapel, kkm }, ['tahunAjaranId', 'mapel']);
      }
      return [old, await this.kkmIn(m, await this.findOrThrow(m, id))] as const;
    });
    recordChange({ entity_type: 'kkm', entity_id: id, before, after });
    return after;
  }

  private checkKkmBody(mapel: Record<string, unknown>): Array<[string, number | null]> {
    const errors: FieldError[] = [];
    const out: Array<[string, number | null]> = [];
    for (const [key, value] of Object.entries(mapel)) {
      if (!(MAPEL as readonly string[]).includes(key)) errors.push({ field: `mapel.${key}`, message: msg('KKM_NOT_A_SUBJECT', { key, mapel: MAPEL.join(', ') }) });
      else if (value !== null && !(Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 100))
        errors.push({ field: `mapel.${key}`, message: msg('KKM_RANGE', { key }) });
      else out.push([key, value as number | null]);
    }
    if (errors.length > 0) throw TahunAjaranErrors.invalid(errors);
    return out;
  }

  private async kkmIn(m: EntityManager, year: TahunAjaran): Promise<KkmResponseDto> {
    const own = await m.find(KkmMapel, { where: { tahunAjaranId: year.id } });
    const byMapel = new Map(own.map((k) => [k.mapel, k.kkm]));
    return {
      tahun_ajaran_id: year.id,
      tahun_ajaran: year.nama,
      kkm_default: year.kkmDefault,
      mapel: Object.fromEntries(MAPEL.map((s) => [s, byMapel.get(s) ?? year.kkmDefault])),
      khusus: MAPEL.filter((s) => byMapel.has(s)),
    };
  }

  private async activateIn(m: EntityManager, id: number): Promise<void> {
    await m.update(TahunAjaran, { aktif: true }, { aktif: false });
    await m.update(TahunAjaran, id, { aktif: true });
    await this.syncKelas(m, id);
  }

  /** The client shows `siswa.kelas`: in the active year it is the name of the student's rombel. */
  private async syncKelas(m: EntityManager, tahunAjaranId: number): Promise<void> {
    await m.query(
      `UPDATE siswa s SET kelas = r.nama, updated_at = now()
       FROM rombel_siswa rs JOIN rombel r ON r.id = rs.rombel_id
       WHERE rs.siswa_id = s.id AND rs.tahun_ajaran_id = $1 AND s.kelas <> r.nama`,
      [tahunAjaranId],
    );
  }

  private async nameInUse(m: EntityManager, nama: string): Promise<boolean> {
    const [row] = (await m.query(
      `SELECT EXISTS (SELECT 1 FROM nilai_raport WHERE tahun_ajaran = $1)
           OR EXISTS (SELECT 1 FROM presensi WHERE tahun_ajaran = $1)
           OR EXISTS (SELECT 1 FROM prestasi WHERE tahun_ajaran = $1) AS used`,
      [nama],
    )) as Array<{ used: boolean }>;
    return row.used;
  }

  private checkPeriod(mulai: string, selesai: string): void {
    const errors: FieldError[] = [];
    if (!isRealDate(mulai)) errors.push({ field: 'mulai', message: msg('REAL_DATE', { field: 'mulai' }) });
    if (!isRealDate(selesai)) errors.push({ field: 'selesai', message: msg('REAL_DATE', { field: 'selesai' }) });
    if (errors.length === 0 && selesai <= mulai) errors.push({ field: 'selesai', message: msg('SELESAI_AFTER_MULAI') });
    if (errors.length > 0) throw TahunAjaranErrors.invalid(errors);
  }

  private async findOrThrow(m: EntityManager, id: number, lock = false): Promise<TahunAjaran> {
    const year = await m.findOne(TahunAjaran, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!year) throw TahunAjaranErrors.notFound(id);
    return year;
  }
}
