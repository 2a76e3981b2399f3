import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { recordChange } from '../common/audit/audit-context';
import { DomainException } from '../common/http/problem';
import { msg } from '../i18n/catalogue';
import { AUTH_ERRORS } from '../auth/auth.errors';
import { ROMBEL_ERRORS } from '../rombel/rombel.errors';
import type { Page } from '../common/query/total-count';
import { type SqlList, sqlListPage } from '../common/query/sql-list-page';
import { type ConstraintRule, withConstraintRules } from '../records/constraint-errors';
import type { CreatePenugasanDto, ListPenugasanQueryDto, PenugasanResponseDto } from './penugasan.dto';
import { Penugasan } from './penugasan.entity';

const PenugasanErrors = {
  notFound: (id: number) => new DomainException(HttpStatus.NOT_FOUND, ROMBEL_ERRORS.PENUGASAN_NOT_FOUND, { id }),
  notGuru: (id: number) =>
    new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, ROMBEL_ERRORS.PENUGASAN_NOT_GURU, { id }, {
      errors: [{ field: 'guru_id', message: msg('MUST_BE_ACTIVE_GURU') }],
    }),
};

const CONSTRAINTS: Record<string, ConstraintRule> = {
  uq_penugasan_rombel_mapel: {
    status: HttpStatus.CONFLICT,
    code: ROMBEL_ERRORS.PENUGASAN_DUPLICATE,
    field: 'mapel',
  },
  fk_penugasan_rombel: { status: HttpStatus.NOT_FOUND, code: ROMBEL_ERRORS.ROMBEL_NOT_FOUND, field: 'rombel_id', message: msg('FIELD_DOES_NOT_EXIST', { field: 'rombel_id' }) },
  fk_penugasan_guru: { status: HttpStatus.NOT_FOUND, code: AUTH_ERRORS.USER_NOT_FOUND, field: 'guru_id', message: msg('FIELD_DOES_NOT_EXIST', { field: 'guru_id' }) },
};

interface Row {
  id: number;
  guru_id: number;
  guru_nama: string;
  rombel_id: number;
  rombel: string;
  tahun_ajaran_id: number;
  tahun_ajaran: string;
  mapel: string;
  created_at: Date;
}

const SELECT = `
  SELECT p.id, p.guru_id, COALESCE(NULLIF(u.profile->>'nama_lengkap', ''), u.username) AS guru_nama,
         p.rombel_id, r.nama AS rombel, r.tahun_ajaran_id, ta.nama AS tahun_ajaran, p.mapel, p.created_at
  FROM penugasan p JOIN users u ON u.id = p.guru_id JOIN rombel r ON r.id = p.rombel_id JOIN tahun_ajaran ta ON ta.id = r.tahun_ajaran_id`;

const LIST: SqlList = {
  select: SELECT,
  countFrom: 'FROM penugasan p JOIN rombel r ON r.id = p.rombel_id',
  orderBy: 'ta.nama, r.tingkat, r.nama, p.mapel, p.id',
};

/** The list filters: query field → the column it matches exactly. */
const FILTERS = { guru_id: 'p.guru_id', rombel_id: 'p.rombel_id', tahun_ajaran_id: 'r.tahun_ajaran_id', mapel: 'p.mapel' } as const;

const toResponse = (r: Row): PenugasanResponseDto => ({ ...r, created_at: new Date(r.created_at).toISOString() });

/** Teaching assignments: one teacher per subject and rombel (the database's unique key). */
@Injectable()
export class PenugasanService {
  constructor(private readonly dataSource: DataSource) {}

  async list(q: ListPenugasanQueryDto): Promise<Page<PenugasanResponseDto>> {
    const conditions = Object.entries(FILTERS).map(([field, column]) => [`${column} = ?`, q[field as keyof typeof FILTERS]] as const);
    const page = await sqlListPage<Row>(this.dataSource, LIST, conditions, q);
    return { rows: page.rows.map(toResponse), total: page.total };
  }

  async create(body: CreatePenugasanDto): Promise<PenugasanResponseDto> {
    const [user] = (await this.dataSource.query('SELECT role, is_active FROM users WHERE id = $1', [body.guru_id])) as Array<{
      role: string;
      is_active: boolean;
    }>;
    if (user && (user.role !== 'guru' || !user.is_active)) throw PenugasanErrors.notGuru(body.guru_id);
    const created = await withConstraintRules(CONSTRAINTS, async () => {
      const result = await this.dataSource
        .getRepository(Penugasan)
        .insert({ guruId: body.guru_id, rombelId: body.rombel_id, mapel: body.mapel });
      return this.get((result.identifiers[0] as { id: number }).id);
    });
    recordChange({ entity_type: 'penugasan', entity_id: created.id, before: null, after: created });
    return created;
  }

  async remove(id: number): Promise<void> {
    const before = await this.get(id);
    await this.dataSource.getRepository(Penugasan).delete(id);
    recordChange({ entity_type: 'penugasan', entity_id: id, before, after: null });
  }

  private async get(id: number): Promise<PenugasanResponseDto> {
    const [row] = (await this.dataSource.query(`${SELECT} WHERE p.id = $1`, [id])) as Row[];
    if (!row) throw PenugasanErrors.notFound(id);
    return toResponse(row);
  }
}
