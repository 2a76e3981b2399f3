import { TeacherScope } from '../scope/teacher-scope';
import { Injectable, StreamableFile } from '@nestjs/common';
import { RekapService } from '../rombel/rekap.service';
import { RombelService } from '../rombel/rombel.service';
import type { RekapResponseDto } from '../rombel/dto/rekap.dto';
import { createPdf, pdfDownload, renderAll } from './pdf/pdf-doc';
import { drawRekap } from './pdf/rekap-layout';
import { fileSlug } from './rapor-content';
import { RaporService } from './rapor.service';
import { rekapWorkbook, XLSX_TYPE } from './rekap-excel';

/** The class recap (GET /rombel/{id}/rekap) as a spreadsheet and as a PDF: the same numbers, one computation. */
@Injectable()
export class RekapExportService {
  constructor(
    private readonly rekapService: RekapService,
    private readonly rombel: RombelService,
    private readonly rapor: RaporService,
  ) {}

  async excel(rombelId: number, semester: string | undefined, scope: TeacherScope): Promise<StreamableFile> {
    const { rekap, waliKelas } = await this.load(rombelId, semester, scope);
    const sekolah = await this.rapor.sekolah();
    const bytes = await rekapWorkbook(rekap, sekolah.nama_sekolah, waliKelas);
    return new StreamableFile(bytes, { type: XLSX_TYPE, disposition: `attachment; filename=${fileName(rekap)}.xlsx` });
  }

  async pdf(rombelId: number, semester: string | undefined, scope: TeacherScope): Promise<StreamableFile> {
    const { rekap, waliKelas } = await this.load(rombelId, semester, scope);
    const sekolah = await this.rapor.sekolah();
    const doc = createPdf({ title: `Rekap nilai ${rekap.rombel} ${rekap.semester} ${rekap.tahun_ajaran}`, landscape: true });
    renderAll(doc, [rekap], (r) => drawRekap(doc, r, sekolah, waliKelas));
    return pdfDownload(doc, `${fileName(rekap)}.pdf`);
  }

  private async load(
    rombelId: number,
    semester: string | undefined,
    scope: TeacherScope,
  ): Promise<{ rekap: RekapResponseDto; waliKelas: string | null }> {
    const rekap = await this.rekapService.rekap(rombelId, scope, semester);
    return { rekap, waliKelas: (await this.rombel.get(rombelId)).wali_kelas_nama };
  }
}

const fileName = (rekap: RekapResponseDto): string =>
  `rekap-${fileSlug(rekap.rombel)}-${fileSlug(rekap.tahun_ajaran)}-${rekap.semester.toLowerCase()}`;
