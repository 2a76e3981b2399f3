import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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

  async count(): Promise<SiswaCountDto> {
    return { total_count: await this.repo.count({ where: { status: 'aktif' } }) };
  }

  /** Every active student as `nama (kelas)`, by name (id breaks ties between namesakes). */
  async dropdown(): Promise<SiswaDropdownItemDto[]> {
    const rows = await this.repo.find({
      select: { id: true, nama: true, kelas: true },
      where: { status: 'aktif' },
      order: { nama: 'ASC', id: 'ASC' },
    });
    return rows.map((s) => ({ id: s.id, text: `${s.nama} (${s.kelas})` }));
  }
}
