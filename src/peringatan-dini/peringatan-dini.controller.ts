import { Controller, Get, Query, type StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequestScope } from '../scope/request-scope.decorator';
import { TeacherScope } from '../scope/teacher-scope';
import { ApiEndpoint } from '../common/openapi/api-endpoint.decorator';
import { RateLimited } from '../common/rate-limit/rate-limited.decorator';
import { XLSX_TYPE } from '../common/spreadsheet/export-stream';
import type { Role } from '../common/role';
import { msg } from '../i18n/catalogue';
import { t } from '../i18n/language';
import { PeringatanFilterDto, PeringatanPageDto, PeringatanQueryDto } from './dto/peringatan-dini.dto';
import { peringatanPdf, peringatanXlsx } from './peringatan-dini.export';
import { PeringatanDiniService } from './peringatan-dini.service';

/** Homeroom and subject teachers act on the list; staf (administration) has no academic role here. */
const PERINGATAN_ROLES: Role[] = ['admin', 'guru'];

/** `/api/peringatan-dini`: students at risk for the next semester, why, and what would change it. */
@ApiTags('peringatan-dini')
@Controller('peringatan-dini')
export class PeringatanDiniController {
  constructor(private readonly service: PeringatanDiniService) {}

  @Get()
  @ApiEndpoint({
    summary: 'Students at risk for the next semester, most urgent first, with reasons, decision path, advice and trend',
    description:
      'At risk: predicted Rendah, or a category below the last observed prestasi, or a rata-rata fall of at least ' +
      'PERINGATAN_TURUN_NILAI points since the previous semester, or attendance fallen to Rendah. Order: Rendah first, ' +
      'then more reasons, then a higher probability of Rendah, then siswa_id. Without tahun_ajaran/semester each ' +
      'student’s latest semester with nilai and presensi is predicted from.',
    response: PeringatanPageDto,
    roles: PERINGATAN_ROLES,
    errors: [400, 409, 422],
  })
  list(@Query() query: PeringatanQueryDto, @RequestScope() scope: TeacherScope): Promise<PeringatanPageDto> {
    const { skip, limit, ...filter } = query;
    return this.service.page(filter, skip, limit, scope);
  }

  @Get('export/excel')
  @RateLimited('export')
  @ApiEndpoint({
    summary: 'The whole list (filters apply) as Peringatan_Dini.xlsx',
    response: 'binary',
    produces: XLSX_TYPE,
    roles: PERINGATAN_ROLES,
    errors: [400, 409, 422],
  })
  async exportExcel(@Query() filter: PeringatanFilterDto, @RequestScope() scope: TeacherScope): Promise<StreamableFile> {
    return peringatanXlsx(await this.service.list(filter, scope));
  }

  @Get('export/pdf')
  @RateLimited('export')
  @ApiEndpoint({
    summary: 'The whole list (filters apply) as Peringatan_Dini.pdf (A4 landscape)',
    response: 'binary',
    produces: 'application/pdf',
    roles: PERINGATAN_ROLES,
    errors: [400, 409, 422],
  })
  async exportPdf(@Query() filter: PeringatanFilterDto, @RequestScope() scope: TeacherScope): Promise<StreamableFile> {
    const list = await this.service.list(filter, scope);
    const filters = [
      filter.kelas,
      filter.rombel_id !== undefined ? `rombel ${filter.rombel_id}` : undefined,
      filter.tahun_ajaran,
      filter.semester,
    ];
    const summary = t(
      msg('PERINGATAN_PDF_RINGKASAN', {
        total: list.total,
        dinilai: list.assessed,
        version: list.modelVersion,
        tanggal: new Date().toISOString().slice(0, 10),
      }),
    );
    return peringatanPdf(list, [...filters.filter((s) => s !== undefined), summary].join(' · '));
  }
}
