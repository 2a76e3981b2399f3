import { Controller, Delete, Get, Param, Query, type StreamableFile } from '@nestjs/common';
import { ParseIdPipe } from '../../common/http/parse-id.pipe';
import { ApiTags } from '@nestjs/swagger';
import { ApiEndpoint } from '../../common/openapi/api-endpoint.decorator';
import { ADMIN_ONLY, ALL_ROLES } from '../../common/role';
import { HistoryFilterDto, HistoryQueryDto } from '../dto/history-query.dto';
import { HistoryPageDto } from '../dto/history-response.dto';
import { toHistoryItem } from '../prediksi.mapper';
import { HistoryService } from '../services/history.service';
import { RateLimited } from '../../common/rate-limit/rate-limited.decorator';
import { RequestScope } from '../../scope/request-scope.decorator';
import type { TeacherScope } from '../../scope/teacher-scope';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The prediction history (API.md §5): read and export for every role, delete for admin. */
@ApiTags('prediksi')
@Controller('prediksi/history')
export class HistoryController {
  constructor(private readonly history: HistoryService) {}

  @Get()
  @ApiEndpoint({ summary: 'Prediction history, newest first, with filters and paging', response: HistoryPageDto, roles: ALL_ROLES, errors: [400] })
  async list(@Query() query: HistoryQueryDto, @RequestScope() scope: TeacherScope): Promise<HistoryPageDto> {
    const { skip, limit, ...filter } = query;
    const page = await this.history.list(filter, skip, limit, scope);
    return { data: page.data.map(toHistoryItem), total: page.total, skip, limit };
  }

  @Get('export/excel')
  @RateLimited('export')
  @ApiEndpoint({
    summary: 'Export the history as Riwayat_Prediksi_Prestasi.xlsx (filters apply)',
    response: 'binary',
    produces: XLSX_MIME,
    roles: ALL_ROLES,
    errors: [400],
  })
  exportExcel(@Query() filter: HistoryFilterDto, @RequestScope() scope: TeacherScope): StreamableFile {
    return this.history.export(filter, scope);
  }

  @Delete(':id')
  @ApiEndpoint({ summary: 'Delete a history entry', response: 'none', status: 204, roles: ADMIN_ONLY, errors: [400, 404] })
  async remove(@Param('id', ParseIdPipe) id: number): Promise<void> {
    await this.history.remove(id);
  }
}
