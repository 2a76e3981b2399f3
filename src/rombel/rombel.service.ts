import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { recordChange } from '../common/audit/audit-context';
import type { Page } from '../common/query/total-count';
import { transactionWithRules, withConstraintRules } from '../records/constraint-errors';
import { escapeLike } from '../common/query/list-page';
import { type SqlList, sqlListPage } from '../common/query/sql-list-page';
import type { AddMembersResponseDto, CreateRombelDto, ListRombelQueryDto, RiwayatKelasDto, RombelMemberDto, RombelResponseDto, UpdateRombelDto } from './dto/rombel.dto';
import { Rombel } from './rombel.entity';
import type { TeacherScope } from '../scope/teacher-scope';
import { ROMBEL_CONSTRAINTS, RombelErrors } from './rombel.errors';

interface RombelRow {
  id: number;
  nama: string;
  tingkat: number;
  jurusan: string | null;
  tahun_ajaran_id: number;
  tahun_ajaran: string;
  aktif: boolean;
  wali_kelas_id: number | null;
  wali_kelas_nama: string | null;
  jumlah_siswa: number;
  created_at: Date;
  updated_at: Date;
}

const ROMBEL_SELECT = `
  SELECT r.id, r.nama, r.tingkat, r.jurusan, r.tahun_ajaran_id, ta.nama AS tahun_ajaran, ta.aktif,
         r.wali_kelas_id, COALESCE(NULLIF(u.profile->>'nama_lengkap', ''), u.username) AS wali_kelas_nama,
         (SELECT count(*) FROM rombel_siswa rs WHERE rs.rombel_id = r.id)::int AS jumlah_siswa,
         r.created_at, r.updated_at
  FROM rombel r
  JOIN tahun_ajaran ta ON ta.id = r.tahun_ajaran_id
  LEFT JOIN users u ON u.id = r.wali_kelas_id`;

const ROMBEL_LIST: SqlList = { select: ROMBEL_SELECT, countFrom: 'FROM rombel r', orderBy: 'ta.nama, r.tingkat, r.nama, r.id' };

/** The selected row is the response, but for `aktif` (used internally) and the timestamps as ISO strings. */
function toResponse({ aktif: _aktif, ...r }: RombelRow): RombelResponseDto {
  return { ...r, created_at: new Date(r.created_at).toISOString(), updated_at: new Date(r.updated_at).toISOString() };
}

/**
 * Class groups of a school year and their members. A student is in one rombel per year (the
 * database's unique key); while the year is active, a member's `siswa.kelas` is the rombel's name.
 */
@Injectable()
export class RombelService {
  constructor(private readonly dataSource: DataSource) {}

  async list(q: ListRombelQueryDto): Promise<Page<RombelResponseDto>> {
    const search = q.search ? `%${escapeLike(q.search.trim())}%` : undefined;
    const page = await sqlListPage<RombelRow>(
      this.dataSource,
      ROMBEL_LIST,
      [['r.tahun_ajaran_id = ?', q.tahun_ajaran_id], ['r.tingkat = ?', q.tingkat], ['r.jurusan = ?', q.jurusan || undefined], [`r.nama ILIKE ? ESCAPE '\\'`, search]],
      q,
    );
    return { rows: page.rows.map(toResponse), total: page.total };
  }

  async get(id: number, m: EntityManager = this.dataSource.manager): Promise<RombelResponseDto> {
    return toResponse(await this.rowOrThrow(m, id));
  }

  async create(body: CreateRombelDto): Promise<RombelResponseDto> {
    await this.checkWali(this.dataSource.manager, body.wali_kelas_id);
    const created = await withConstraintRules(ROMBEL_CONSTRAINTS, async () => {
      const result = await this.dataSource.getRepository(Rombel).insert({
        nama: body.nama,
        tingkat: body.tingkat,
        jurusan: body.jurusan || null,
        tahunAjaranId: body.tahun_ajaran_id,
        waliKelasId: body.wali_kelas_id ?? null,
      });
      return this.get((result.identifiers[0] as { id: number }).id);
    });
    recordChange({ entity_type: 'rombel', entity_id: created.id, before: null, after: created });
    return created;
  }

  async update(id: number, body: UpdateRombelDto): Promise<RombelResponseDto> {
    const [before, after] = await transactionWithRules(this.dataSource, ROMBEL_CONSTRAINTS, async (m) => {
      const old = await this.rowOrThrow(m, id, true);
      if (body.tahun_ajaran_id !== undefined && body.tahun_ajaran_id !== old.tahun_ajaran_id && old.jumlah_siswa > 0)
        throw RombelErrors.hasMembers(id);
      if (body.wali_kelas_id !== undefined) await this.checkWali(m, body.wali_kelas_id);
      await m.update(Rombel, id, {
        ...(body.nama !== undefined ? { nama: body.nama } : {}),
        ...(body.tingkat !== undefined ? { tingkat: body.tingkat } : {}),
        ...(body.jurusan !== undefined ? { jurusan: body.jurusan || null } : {}),
        ...(body.tahun_ajaran_id !== undefined ? { tahunAjaranId: body.tahun_ajaran_id } : {}),
        ...(body.wali_kelas_id !== undefined ? { waliKelasId: body.wali_kelas_id } : {}),
      });
      const updated = await this.rowOrThrow(m, id);
      if (updated.aktif && updated.nama !== old.nama) await this.syncKelas(m, id);
      return [toResponse(old), toResponse(updated)] as const;
    });
    recordChange({ entity_type: 'rombel', entity_id: id, before, after });
    return after;
  }

  async remove(id: number): Promise<void> {
    const before = await this.get(id);
    if (before.jumlah_siswa > 0) throw RombelErrors.hasMembers(id);
    // A member added meanwhile makes the foreign key refuse the delete (409 as well).
    await withConstraintRules(ROMBEL_CONSTRAINTS, () => this.dataSource.getRepository(Rombel).delete(id));
    recordChange({ entity_type: 'rombel', entity_id: id, before, after: null });
  }

  /** Members within the teacher scope's reach: for a guru under GURU_SCOPE=class, none of a class they do not teach. */
  async members(id: number, scope: TeacherScope): Promise<Page<RombelMemberDto>> {
    await this.rowOrThrow(this.dataSource.manager, id);
    const params: unknown[] = [id];
    const reach = scope.sqlCondition('rs.siswa_id', params);
    const rows = (await this.dataSource.query(
      `SELECT s.id AS siswa_id, s.nis, s.nisn, s.nama, s.jenis_kelamin, s.status, rs.keputusan
       FROM rombel_siswa rs JOIN siswa s ON s.id = rs.siswa_id
       WHERE rs.rombel_id = $1 AND ${reach} ORDER BY s.nama, s.id`,
      params,
    )) as RombelMemberDto[];
    return { rows, total: rows.length };
  }

  async addMembers(id: number, siswaIds: number[]): Promise<AddMembersResponseDto> {
    const ids = [...new Set(siswaIds)];
    const result = await transactionWithRules(this.dataSource, ROMBEL_CONSTRAINTS, async (m) => {
      const rombel = await this.rowOrThrow(m, id, true);
      const students = (await m.query('SELECT id, status FROM siswa WHERE id = ANY($1)', [ids])) as Array<{ id: number; status: string }>;
      const found = new Map(students.map((s) => [s.id, s.status]));
      const missing = ids.filter((i) => !found.has(i));
      if (missing.length > 0) throw RombelErrors.siswaMissing(missing);
      const placed = (await m.query(
        `SELECT rs.siswa_id, rs.rombel_id, r.nama AS rombel FROM rombel_siswa rs JOIN rombel r ON r.id = rs.rombel_id
         WHERE rs.tahun_ajaran_id = $1 AND rs.siswa_id = ANY($2)`,
        [rombel.tahun_ajaran_id, ids],
      )) as Array<{ siswa_id: number; rombel_id: number; rombel: string }>;
      const elsewhere = placed.filter((p) => p.rombel_id !== id);
      if (elsewhere.length > 0) throw RombelErrors.inOtherRombel(elsewhere);
      const already = new Set(placed.map((p) => p.siswa_id));
      const added = ids.filter((i) => !already.has(i));
      const inactive = added.filter((i) => found.get(i) !== 'aktif');
      if (inactive.length > 0) throw RombelErrors.notActiveStudents(inactive);
      await m.query(`INSERT INTO rombel_siswa (rombel_id, tahun_ajaran_id, siswa_id) SELECT $1, $2, unnest($3::int[])`, [
        id,
        rombel.tahun_ajaran_id,
        added,
      ]);
      if (rombel.aktif) await this.syncKelas(m, id);
      return {
        rombel_id: id,
        added,
        already_members: ids.filter((i) => already.has(i)),
        jumlah_siswa: rombel.jumlah_siswa + added.length,
      };
    });
    if (result.added.length > 0)
      recordChange({ entity_type: 'rombel_siswa', entity_id: id, before: null, after: { siswa_ids: result.added } });
    return result;
  }

  /** The student leaves the rombel; their `kelas` text stays as it was (the client may edit it). */
  async removeMember(id: number, siswaId: number): Promise<void> {
    await this.rowOrThrow(this.dataSource.manager, id);
    const rows = (await this.dataSource.query('DELETE FROM rombel_siswa WHERE rombel_id = $1 AND siswa_id = $2 RETURNING id, keputusan', [
      id,
      siswaId,
    ])) as [Array<{ id: number; keputusan: string | null }>, number];
    if (rows[1] === 0) throw RombelErrors.notMember(id, siswaId);
    recordChange({
      entity_type: 'rombel_siswa',
      entity_id: id,
      before: { siswa_id: siswaId, keputusan: rows[0][0]?.keputusan ?? null },
      after: null,
    });
  }

  /** A student out of the scope's reach is answered as missing (404). */
  async riwayatKelas(siswaId: number, scope: TeacherScope): Promise<Page<RiwayatKelasDto>> {
    const params: unknown[] = [siswaId];
    const reach = scope.sqlCondition('s.id', params);
    const [exists] = (await this.dataSource.query(`SELECT 1 FROM siswa s WHERE s.id = $1 AND ${reach}`, params)) as unknown[];
    if (!exists) throw RombelErrors.siswaNotFound(siswaId);
    const rows = (await this.dataSource.query(
      `SELECT ta.id AS tahun_ajaran_id, ta.nama AS tahun_ajaran, r.id AS rombel_id, r.nama AS rombel, r.tingkat, r.jurusan,
              r.wali_kelas_id, rs.keputusan
       FROM rombel_siswa rs JOIN rombel r ON r.id = rs.rombel_id JOIN tahun_ajaran ta ON ta.id = rs.tahun_ajaran_id
       WHERE rs.siswa_id = $1 ORDER BY ta.nama`,
      [siswaId],
    )) as RiwayatKelasDto[];
    return { rows, total: rows.length };
  }

  /** Members of the rombel get its name as their `kelas` (only called for a rombel of the active year). */
  async syncKelas(m: EntityManager, rombelId: number): Promise<void> {
    await m.query(
      `UPDATE siswa s SET kelas = r.nama, updated_at = now()
       FROM rombel_siswa rs JOIN rombel r ON r.id = rs.rombel_id
       WHERE rs.siswa_id = s.id AND rs.rombel_id = $1 AND s.kelas <> r.nama`,
      [rombelId],
    );
  }

  /** 404 unless the rombel is one of the scope's classes (every rombel for admin, staf and GURU_SCOPE=school). */
  async assertInReach(id: number, scope: TeacherScope): Promise<void> {
    if (!scope.restricted) return;
    const params: unknown[] = [id];
    const [reached] = (await this.dataSource.query(`SELECT 1 FROM rombel r WHERE r.id = $1 AND ${scope.sqlRombelCondition('r.id', params)}`, params)) as unknown[];
    if (!reached) throw RombelErrors.notFound(id);
  }

  async rowOrThrow(m: EntityManager, id: number, lock = false): Promise<RombelRow> {
    if (lock) await m.query('SELECT 1 FROM rombel WHERE id = $1 FOR UPDATE', [id]);
    const [row] = (await m.query(`${ROMBEL_SELECT} WHERE r.id = $1`, [id])) as RombelRow[];
    if (!row) throw RombelErrors.notFound(id);
    return row;
  }

  private async checkWali(m: EntityManager, waliId: number | null | undefined): Promise<void> {
    if (waliId === undefined || waliId === null) return;
    const [guru] = (await m.query(`SELECT 1 FROM users WHERE id = $1 AND role = 'guru' AND is_active`, [waliId])) as unknown[];
    if (!guru) throw RombelErrors.waliNotGuru(waliId);
  }
}
