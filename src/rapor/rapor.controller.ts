import { Controller, Get, Param, Query, type StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ParseIdPipe } from '../common/http/parse-id.pipe';
import { ApiEndpoint } from '../common/openapi/api-endpoint.decorator';
import { RateLimited } from '../common/rate-limit/rate-limited.decorator';
import { ALL_ROLES } from '../common/role';
import { RekapQueryDto } from '../rombel/dto/rekap.dto';
import { createPdf, pdfDownload, renderAll } from './pdf/pdf-doc';
import { drawRapor } from './pdf/rapor-layout';
import { RaporRombelQueryDto, RaporSiswaQueryDto } from './rapor.dto';
import { type RaporFile, RaporService } from './rapor.service';
import { RekapExportService } from './rekap-export.service';
import { XLSX_TYPE } from './rekap-excel';

/**
 * Every role reads every record and exports (API.md §9), and a report card or a recap is an export
 * of records: admin, guru (the wali kelas prints the class) and staf (the office prints on
 * distribution day). Under GURU_SCOPE=class a guru's lookups are narrowed in the services.
 */
const PDF = { response: 'binary', produces: 'application/pdf', roles: ALL_ROLES } as const;

function pdfOf(file: RaporFile): StreamableFile {
  const doc = createPdf({ title: file.title });
  renderAll(doc, file.cards, (card) => drawRapor(doc, card));
  return pdfDownload(doc, file.fileName);
}

@ApiTags('rapor')
@Controller('siswa')
export class SiswaRaporController {
  constructor(private readonly rapor: RaporService) {}

  @Get(':id/rapor.pdf')
  @RateLimited('export')
  @ApiEndpoint({
    ...PDF,
    summary: "A student's report card (rapor) for a semester, A4 PDF in Bahasa Indonesia",
    description:
      'Default: the active school year and its semester_aktif. 404: no such student or school year; 422: the student is in no rombel that year, or has no nilai raport that semester.',
    errors: [400, 404, 422],
  })
  async siswa(@Param('id', ParseIdPipe) id: number, @Query() query: RaporSiswaQueryDto): Promise<StreamableFile> {
    return pdfOf(await this.rapor.forSiswa(id, query));
  }
}

@ApiTags('rapor')
@Controller('rombel')
export class RombelRaporController {
  constructor(
    private readonly rapor: RaporService,
    private readonly rekapExport: RekapExportService,
  ) {}

  @Get(':id/rapor.pdf')
  @RateLimited('export')
  @ApiEndpoint({
    ...PDF,
    summary: 'Report cards of every member of a rombel in one PDF, by name, each on a new page',
    description:
      "Default semester: the year's semester_aktif. Members without grades get a card with \"–\"; 422 when nobody in the rombel has grades that semester.",
    errors: [400, 404, 422],
  })
  async rombel(@Param('id', ParseIdPipe) id: number, @Query() query: RaporRombelQueryDto): Promise<StreamableFile> {
    return pdfOf(await this.rapor.forRombel(id, query));
  }

  @Get(':id/rekap.pdf')
  @RateLimited('export')
  @ApiEndpoint({ ...PDF, summary: 'The class recap (leger) as an A4 landscape PDF', errors: [400, 404] })
  rekapPdf(@Param('id', ParseIdPipe) id: number, @Query() query: RekapQueryDto): Promise<StreamableFile> {
    return this.rekapExport.pdf(id, query.semester);
  }

  @Get(':id/rekap/export/excel')
  @RateLimited('export')
  @ApiEndpoint({
    summary: 'The class recap as xlsx: sheets Leger (per student with rank), Mapel (per subject), Total',
    response: 'binary',
    produces: XLSX_TYPE,
    roles: ALL_ROLES,
    errors: [400, 404],
  })
  rekapExcel(@Param('id', ParseIdPipe) id: number, @Query() query: RekapQueryDto): Promise<StreamableFile> {
    return this.rekapExport.excel(id, query.semester);
  }
}
