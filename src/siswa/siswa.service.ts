import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import type { TeacherScope } from '../scope/teacher-scope';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RecordsEngine } from '../records/records.engine';
import type { CreateSiswaDto } from './dto/create-siswa.dto';
import type { SiswaCountDto, SiswaDropdownItemDto, SiswaResponseDto } from './dto/siswa-response.dto';
import { siswaRecordSpec } from './siswa.record';
import { Siswa } from './siswa.entity';

/** Students: the shared record mechanics (list, CRUD, export, upload) plus count and dropdown. */
@Injectable()
export class SiswaService extends RecordsEngine<Siswa, CreateSiswaDto, SiswaResponseDto> {
  constructor(dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    super(dataSource, siswaRecordSpec(config.schoolTimezone));
  }

  /** Active students within the scope's reach. */
  async count(scope: TeacherScope): Promise<SiswaCountDto> {
    return { total_count: await this.activeStudents(scope).getCount() };
  }

  /** Every active student (within the scope's reach) as `nama (kelas)`, by name (id breaks ties between namesakes). */
  async dropdown(scope: TeacherScope): Promise<SiswaDropdownItemDto[]> {
    const rows = await this.activeStudents(scope).select(['r.id', 'r.nama', 'r.kelas']).orderBy('r.nama', 'ASC').addOrderBy('r.id', 'ASC').getMany();
    return rows.map((s) => ({ id: s.id, text: `${s.nama} (${s.kelas})` }));
  }

  private activeStudents(scope: TeacherScope): SelectQueryBuilder<Siswa> {
    return this.baseQuery(scope).andWhere('r.status = :status', { status: 'aktif' });
  }
}
