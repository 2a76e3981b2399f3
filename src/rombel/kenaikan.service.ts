import { Injectable } from '@nestjs/common';
import { msg } from '../i18n/catalogue';
import { DataSource, type EntityManager } from 'typeorm';
import { recordChange } from '../common/audit/audit-context';
import type { FieldError } from '../common/http/problem';
import { transactionWithRules } from '../records/constraint-errors';
import type { HasilKeputusanDto, KenaikanDto, KenaikanOtomatisDto, KenaikanResultDto, UsulanRombelDto } from './dto/kenaikan.dto';
import { KEPUTUSAN, nextRombelName, nextTahunAjaran, targetTingkat, TOP_TINGKAT } from './kenaikan-rules';
import { ROMBEL_CONSTRAINTS, RombelErrors } from './rombel.errors';
import { RombelService } from './rombel.service';

interface Member {
  siswa_id: number;
  nama: string;
  nis: string;
  status: string;
  keputusan: string | null;
}

interface Target {
  id: number;
  nama: string;
  tingkat: number;
  tahun_ajaran_id: number;
}

const STATUS_AFTER: Record<string, string | undefined> = { lulus: 'lulus', keluar: 'keluar' };

/**
 * End-of-year promotion of one rombel: every member gets a decision; naik/tinggal place the student
 * in a rombel of the next year (tingkat +1 or the same), lulus/keluar set the student's status.
 * Validated whole, then applied in one transaction (or only reported, in a dry run).
 */
@Injectable()
export class KenaikanService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rombel: RombelService,
  ) {}

  async promote(rombelId: number, body: KenaikanDto): Promise<KenaikanResultDto> {
    const dryRun = body.dry_run === true;
    const result = await transactionWithRules(this.dataSource, ROMBEL_CONSTRAINTS, async (m) => {
      const source = await this.rombel.rowOrThrow(m, rombelId, true);
      const members = await this.members(m, rombelId);
      if (members.some((s) => s.keputusan !== null)) throw RombelErrors.promotionDone(rombelId);
      const nextName = nextTahunAjaran(source.tahun_ajaran);
      const [next] = (await m.query('SELECT id, aktif FROM tahun_ajaran WHERE nama = $1', [nextName])) as Array<{
        id: number;
        aktif: boolean;
      }>;
      const moving = body.keputusan.filter((k) => k.status === 'naik' || k.status === 'tinggal');
      if (moving.length > 0 && !next) throw RombelErrors.noNextYear(source.tahun_ajaran, nextName);

      const targetIds = [...new Set(moving.map((k) => k.ke_rombel_id).filter((id): id is number => typeof id === 'number'))];
      const targets = new Map(
        ((await m.query('SELECT id, nama, tingkat, tahun_ajaran_id FROM rombel WHERE id = ANY($1)', [targetIds])) as Target[]).map(
          (t) => [t.id, t],
        ),
      );
      const placed = new Map(
        next
          ? (
              (await m.query('SELECT siswa_id, rombel_id FROM rombel_siswa WHERE tahun_ajaran_id = $1 AND siswa_id = ANY($2)', [
                next.id,
                members.map((s) => s.siswa_id),
              ])) as Array<{
                siswa_id: number;
                rombel_id: number;
              }>
            ).map((p) => [p.siswa_id, p.rombel_id])
          : [],
      );
      const errors = this.check(body, members, source.tingkat, next?.id, targets, placed, nextName);
      if (errors.length > 0) throw RombelErrors.promotionInvalid(errors);

      const byId = new Map(members.map((s) => [s.siswa_id, s]));
      const hasil: HasilKeputusanDto[] = body.keputusan.map((k) => {
        const s = byId.get(k.siswa_id) as Member;
        const target = k.ke_rombel_id ? targets.get(k.ke_rombel_id) : undefined;
        return {
          siswa_id: s.siswa_id,
          nama: s.nama,
          nis: s.nis,
          keputusan: k.status,
          dari_rombel_id: source.id,
          dari_rombel: source.nama,
          ke_rombel_id: target?.id ?? null,
          ke_rombel: target?.nama ?? null,
          status_sebelum: s.status,
          status_sesudah: STATUS_AFTER[k.status] ?? s.status,
        };
      });
      if (!dryRun) await this.apply(m, rombelId, hasil, next);
      return {
        rombel_id: source.id,
        rombel: source.nama,
        tahun_ajaran: source.tahun_ajaran,
        ke_tahun_ajaran: nextName,
        dry_run: dryRun,
        ringkasan: Object.fromEntries(KEPUTUSAN.map((d) => [d, hasil.filter((h) => h.keputusan === d).length])),
        hasil,
      };
    });
    if (!dryRun) {
      // One event with every student's before and after.
      recordChange({
        entity_type: 'kenaikan',
        entity_id: rombelId,
        before: result.hasil.map((h) => ({ siswa_id: h.siswa_id, rombel_id: h.dari_rombel_id, status: h.status_sebelum })),
        after: result.hasil.map((h) => ({
          siswa_id: h.siswa_id,
          keputusan: h.keputusan,
          rombel_id: h.ke_rombel_id,
          status: h.status_sesudah,
        })),
      });
    }
    return result;
  }

  /** A proposal for every rombel of the year: everyone up one tingkat into the same-named class; the top tingkat graduates. */
  async propose(tahunAjaranId: number, dryRun?: boolean): Promise<KenaikanOtomatisDto> {
    if (dryRun === false) throw RombelErrors.proposalOnly();
    const m = this.dataSource.manager;
    const [year] = (await m.query('SELECT id, nama FROM tahun_ajaran WHERE id = $1', [tahunAjaranId])) as Array<{
      id: number;
      nama: string;
    }>;
    if (!year) throw RombelErrors.yearNotFound(tahunAjaranId);
    const nextName = nextTahunAjaran(year.nama);
    const [next] = (await m.query('SELECT id FROM tahun_ajaran WHERE nama = $1', [nextName])) as Array<{ id: number }>;
    const nextRombels = next
      ? ((await m.query('SELECT id, nama, tingkat, tahun_ajaran_id FROM rombel WHERE tahun_ajaran_id = $1', [next.id])) as Target[])
      : [];
    const byName = new Map(nextRombels.map((r) => [r.nama.toLowerCase(), r]));
    const rombels = (await m.query('SELECT id, nama, tingkat FROM rombel WHERE tahun_ajaran_id = $1 ORDER BY tingkat, nama, id', [
      year.id,
    ])) as Array<{
      id: number;
      nama: string;
      tingkat: number;
    }>;
    const out: UsulanRombelDto[] = [];
    for (const r of rombels) {
      const members = await this.members(m, r.id);
      const masalah: string[] = [];
      const graduates = TOP_TINGKAT.has(r.tingkat);
      let target: Target | undefined;
      if (!graduates) {
        const name = nextRombelName(r.nama, r.tingkat);
        target = name ? byName.get(name.toLowerCase()) : undefined;
        if (!next) masalah.push(`tahun ajaran ${nextName} does not exist yet`);
        else if (!name) masalah.push(`the name ${r.nama} does not start with its tingkat ${r.tingkat}: choose ke_rombel_id by hand`);
        else if (!target) masalah.push(`no rombel ${name} in ${nextName}`);
        else if (target.tingkat !== r.tingkat + 1)
          masalah.push(`${target.nama} in ${nextName} has tingkat ${target.tingkat}, not ${r.tingkat + 1}`);
      }
      const active = members.filter((s) => s.status === 'aktif');
      if (active.length < members.length)
        masalah.push(`${members.length - active.length} member(s) are no longer aktif: decide keluar or lulus for them`);
      out.push({
        rombel_id: r.id,
        rombel: r.nama,
        tingkat: r.tingkat,
        sudah_diputuskan: members.length > 0 && members.every((s) => s.keputusan !== null),
        keputusan: members.map((s) => ({
          siswa_id: s.siswa_id,
          nama: s.nama,
          status: graduates ? 'lulus' : 'naik',
          ke_rombel_id: graduates ? null : (target?.id ?? null),
          ke_rombel: graduates ? null : (target?.nama ?? null),
        })),
        masalah,
      });
    }
    return {
      tahun_ajaran_id: year.id,
      tahun_ajaran: year.nama,
      ke_tahun_ajaran: nextName,
      ke_tahun_ajaran_id: next?.id ?? null,
      dry_run: true,
      rombel: out,
    };
  }

  private check(
    body: KenaikanDto,
    members: Member[],
    tingkat: number,
    nextYearId: number | undefined,
    targets: Map<number, Target>,
    placed: Map<number, number>,
    nextName: string,
  ): FieldError[] {
    const errors: FieldError[] = [];
    const memberIds = new Set(members.map((s) => s.siswa_id));
    const seen = new Set<number>();
    body.keputusan.forEach((k, i) => {
      const field = `keputusan[${i}]`;
      if (!memberIds.has(k.siswa_id))
        errors.push({ field: `${field}.siswa_id`, message: msg('KENAIKAN_NOT_MEMBER', { id: k.siswa_id }) });
      if (seen.has(k.siswa_id)) errors.push({ field: `${field}.siswa_id`, message: msg('KENAIKAN_TWICE', { id: k.siswa_id }) });
      seen.add(k.siswa_id);
      if (k.status === 'lulus' || k.status === 'keluar') {
        if (k.ke_rombel_id)
          errors.push({ field: `${field}.ke_rombel_id`, message: msg('KENAIKAN_NO_TARGET', { id: k.siswa_id, status: k.status }) });
        return;
      }
      if (!k.ke_rombel_id) {
        errors.push({
          field: `${field}.ke_rombel_id`,
          message: msg('KENAIKAN_NEEDS_TARGET', { id: k.siswa_id, status: k.status, next: nextName }),
        });
        return;
      }
      const target = targets.get(k.ke_rombel_id);
      const want = targetTingkat(k.status as 'naik' | 'tinggal', tingkat);
      if (!target) errors.push({ field: `${field}.ke_rombel_id`, message: msg('KENAIKAN_TARGET_MISSING', { id: k.siswa_id, rombel: k.ke_rombel_id }) });
      else if (target.tahun_ajaran_id !== nextYearId)
        errors.push({ field: `${field}.ke_rombel_id`, message: msg('KENAIKAN_TARGET_WRONG_YEAR', { id: k.siswa_id, rombel: target.nama, next: nextName }) });
      else if (target.tingkat !== want)
        errors.push({
          field: `${field}.ke_rombel_id`,
          message: msg('KENAIKAN_TARGET_WRONG_TINGKAT', { id: k.siswa_id, status: k.status, want, rombel: target.nama, tingkat: target.tingkat }),
        });
      const already = placed.get(k.siswa_id);
      if (already !== undefined && already !== k.ke_rombel_id)
        errors.push({ field: `${field}.siswa_id`, message: msg('KENAIKAN_ALREADY_PLACED', { id: k.siswa_id, next: nextName }) });
    });
    const missing = members.filter((s) => !seen.has(s.siswa_id));
    for (const s of missing) errors.push({ field: 'keputusan', message: msg('KENAIKAN_MISSING', { id: s.siswa_id, nama: s.nama }) });
    return errors;
  }

  private async apply(
    m: EntityManager,
    rombelId: number,
    hasil: HasilKeputusanDto[],
    next: { id: number; aktif: boolean } | undefined,
  ): Promise<void> {
    for (const d of KEPUTUSAN) {
      const ids = hasil.filter((h) => h.keputusan === d).map((h) => h.siswa_id);
      if (ids.length === 0) continue;
      await m.query('UPDATE rombel_siswa SET keputusan = $1, updated_at = now() WHERE rombel_id = $2 AND siswa_id = ANY($3)', [
        d,
        rombelId,
        ids,
      ]);
      const status = STATUS_AFTER[d];
      if (status) await m.query('UPDATE siswa SET status = $1, updated_at = now() WHERE id = ANY($2)', [status, ids]);
    }
    const moves = hasil.filter((h) => h.ke_rombel_id !== null);
    if (moves.length === 0 || !next) return;
    await m.query(
      `INSERT INTO rombel_siswa (rombel_id, tahun_ajaran_id, siswa_id)
       SELECT unnest($1::int[]), $2, unnest($3::int[])
       ON CONFLICT (siswa_id, tahun_ajaran_id) DO NOTHING`,
      [moves.map((h) => h.ke_rombel_id), next.id, moves.map((h) => h.siswa_id)],
    );
    if (next.aktif) for (const id of new Set(moves.map((h) => h.ke_rombel_id as number))) await this.rombel.syncKelas(m, id);
  }

  private async members(m: EntityManager, rombelId: number): Promise<Member[]> {
    return (await m.query(
      `SELECT s.id AS siswa_id, s.nama, s.nis, s.status, rs.keputusan
       FROM rombel_siswa rs JOIN siswa s ON s.id = rs.siswa_id WHERE rs.rombel_id = $1 ORDER BY s.nama, s.id`,
      [rombelId],
    )) as Member[];
  }
}
