import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ParseIdPipe } from '../common/http/parse-id.pipe';
import { ApiEndpoint } from '../common/openapi/api-endpoint.decorator';
import { ALL_ROLES } from '../common/role';
import { RequestScope } from '../scope/request-scope.decorator';
import { TeacherScope } from '../scope/teacher-scope';
import { TrendDto } from './dto/trend.dto';
import { TrendService } from './trend.service';

/** `/api/siswa/{id}/tren` (kept here, beside the early warning, so siswa's own module stays as it is). */
@ApiTags('siswa')
@Controller('siswa')
export class TrendController {
  constructor(private readonly trends: TrendService) {}

  @Get(':id/tren')
  @ApiEndpoint({
    summary: "A student's semesters in order: rata-rata, subject scores, attendance, observed prestasi, and the prediction made for each",
    response: TrendDto,
    roles: ALL_ROLES,
    errors: [400, 404],
  })
  trend(@Param('id', ParseIdPipe) id: number, @RequestScope() scope: TeacherScope): Promise<TrendDto> {
    return this.trends.trend(id, scope);
  }
}
