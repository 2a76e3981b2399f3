import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RecordsEngine } from '../records/records.engine';
import type { CreatePrestasiDto } from './dto/create-prestasi.dto';
import type { PrestasiResponseDto } from './dto/prestasi-response.dto';
import { PRESTASI_RECORD } from './prestasi.record';
import type { Prestasi } from './prestasi.entity';

/** Observed achievements (prestasi, the training labels): the shared record mechanics with the prestasi rules. */
@Injectable()
export class PrestasiService extends RecordsEngine<Prestasi, CreatePrestasiDto, PrestasiResponseDto> {
  constructor(dataSource: DataSource) {
    super(dataSource, PRESTASI_RECORD);
  }
}
