import { applyDecorators, Controller, Get, Param, Query, type StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ParseIdPipe } from '../common/http/parse-id.pipe';
import { ApiEndpoint } from '../common/openapi/api-endpoint.decorator';
import { RateLimited } from '../common/rate-limit/rate-limited.decorator';
import { ALL_ROLES } from '../common/role';
import { RekapQueryDto } from '../rombel/dto/rekap.dto';
import { RaporRombelQueryDto, RaporSiswaQueryDto } from './rapor.dto';
import { RequestScope } from '../scope/request-scope.decorator';
import { TeacherScope } from '../scope/teacher-scope';
import { RaporService } from './rapor.service';
import { RekapExportService } from './rekap-export.service';
import { XLSX_TYPE } from './rekap-excel';

/**
 * A download of records, so like every export (API.md §9) for every role: admin, guru (the wali
 * kelas prints the class) and staf (the office prints on distribution day); counted in the
 * exports' rate limit. Under GURU_SCOPE=class a guru gets only the students and rombels in reach (others: 404).
 */
function Download(path: string, o: { summary: string; description?: string; produces?: string; errors: number[] }): MethodDecorator {
  return applyDecorators(
    Get(path),
    RateLimited('export'),
    ApiEndpoint({ ...o, response: 'binary', produces: o.produces ?? 'application/pdf', roles: ALL_ROLES }),
  );
}

/** The report-card downloads (`{siswa|rombel}/{id}/rapor.pdf`): 404 for an unknown student, rombel or year, 422 without grades. */
const RAPOR_PDF_DOCS = {
  siswa: {
    summary: "A student's report card (rapor) for a semester, A4 PDF in Bahasa Indonesia",
    description:
      'Default: the active school year and its semester_aktif. 404: no such student or school year; 422: the student is in no rombel that year, or has no nilai raport that semester.',
  },
  rombel: {
    summary: 'Report cards of every member of a rombel in one PDF, by name, each on a new page',
    description:
      'Default semester: the year\'s semester_aktif. Members without grades get a card with "–"; 422 when nobody in the rombel has grades that semester.',
  },
};
const RaporPdf = (of: keyof typeof RAPOR_PDF_DOCS): MethodDecorator =>
  Download(':id/rapor.pdf', { ...RAPOR_PDF_DOCS[of], errors: [400, 404, 422] });

@ApiTags('rapor')
@Controller('siswa')
export class SiswaRaporController {
  constructor(private readonly rapor: RaporService) {}

  @RaporPdf('siswa')
  siswa(
    @Param('id', ParseIdPipe) id: number,
    @Query() query: RaporSiswaQueryDto,
    @RequestScope() scope: TeacherScope,
  ): Promise<StreamableFile> {
    return this.rapor.siswaPdf(id, query, scope);
  }
}

@ApiTags('rapor')
@Controller('rombel')
export class RombelRaporController {
  constructor(
    private readonly rapor: RaporService,
    private readonly rekapExport: RekapExportService,
  ) {}

  @RaporPdf('rombel')
  rombel(
    @Param('id', ParseIdPipe) id: number,
    @Query() query: RaporRombelQueryDto,
    @RequestScope() scope: TeacherScope,
  ): Promise<StreamableFile> {
    return this.rapor.rombelPdf(id, query, scope);
  }

  @Download(':id/rekap.pdf', { summary: 'The class recap (leger) as an A4 landscape PDF', errors: [400, 404] })
  rekapPdf(
    @Param('id', ParseIdPipe) id: number,
    @Query() query: RekapQueryDto,
    @RequestScope() scope: TeacherScope,
  ): Promise<StreamableFile> {
    return this.rekapExport.pdf(id, query.semester, scope);
  }

  @Download(':id/rekap/export/excel', {
    summary: 'The class recap as xlsx: sheets Leger (per student with rank), Mapel (per subject), Total',
    produces: XLSX_TYPE,
    errors: [400, 404],
  })
  rekapExcel(
    @Param('id', ParseIdPipe) id: number,
    @Query() query: RekapQueryDto,
    @RequestScope() scope: TeacherScope,
  ): Promise<StreamableFile> {
    return this.rekapExport.excel(id, query.semester, scope);
  }
}
