import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RecordsEngine } from '../records/records.engine';
import type { CreateNilaiDto } from './dto/create-nilai.dto';
import type { NilaiResponseDto } from './dto/nilai-response.dto';
import { NILAI_RECORD } from './nilai.record';
import type { NilaiRaport } from './nilai.entity';

/** Report cards (nilai raport): the shared record mechanics with the nilai rules. */
@Injectable()
export class NilaiService extends RecordsEngine<NilaiRaport, CreateNilaiDto, NilaiResponseDto> {
  constructor(dataSource: DataSource) {
    super(dataSource, NILAI_RECORD);
  }
}
