import { Controller, Delete, Get, Param, Query, type StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ID_PIPE } from '../../common/http/validation';
import { ApiEndpoint } from '../../common/openapi/api-endpoint.decorator';
import { ADMIN_ONLY, ALL_ROLES } from '../../common/role';
import { HistoryFilterDto, HistoryQueryDto } from '../dto/history-query.dto';
import { HistoryPageDto } from '../dto/history-response.dto';
import { toHistoryItem } from '../prediksi.mapper';
import { HistoryService } from '../services/history.service';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The prediction history (API.md §5): read and export for every role, delete for admin. */
@ApiTags('prediksi')
@Controller('prediksi/history')
export class HistoryController {
  constructor(private readonly history: HistoryService) {}

  @Get()
  @ApiEndpoint({ summary: 'Prediction history, newest first, with filters and paging', response: HistoryPageDto, roles: ALL_ROLES, errors: [400] })
  async list(@Query() query: HistoryQueryDto): Promise<HistoryPageDto> {
    const { skip, limit, ...filter } = query;
    const page = await this.history.list(filter, skip, limit);
    return { data: page.data.map(toHistoryItem), total: page.total, skip, limit };
  }

  @Get('export/excel')
  @ApiEndpoint({
    summary: 'Export the history as Riwayat_Prediksi_Prestasi.xlsx (filters apply)',
    response: 'binary',
    produces: XLSX_MIME,
    roles: ALL_ROLES,
    errors: [400],
  })
  exportExcel(@Query() filter: HistoryFilterDto): StreamableFile {
    return this.history.export(filter);
  }

  @Delete(':id')
  @ApiEndpoint({ summary: 'Delete a history entry', response: 'none', status: 204, roles: ADMIN_ONLY, errors: [400, 404] })
  async remove(@Param('id', ID_PIPE) id: number): Promise<void> {
    await this.history.remove(id);
  }
}
