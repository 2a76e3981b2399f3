import { Body, Controller, HttpCode, HttpStatus, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiEndpoint } from '../common/openapi/api-endpoint.decorator';
import { ADMIN_ONLY } from '../common/role';
import { KenaikanDto, KenaikanOtomatisDto, KenaikanQueryDto, KenaikanResultDto } from './dto/kenaikan.dto';
import { KenaikanService } from './kenaikan.service';

/** End-of-year promotion (admin): decide a rombel, or get a proposal for a whole year. */
@ApiTags('rombel')
@Controller()
export class KenaikanController {
  constructor(private readonly kenaikan: KenaikanService) {}

  @Post('rombel/:id/kenaikan')
  @HttpCode(HttpStatus.OK) // reports an outcome; creates no resource of its own
  @ApiEndpoint({
    summary: 'Promote a rombel: one decision per member (naik, tinggal, lulus, keluar), all or nothing; dry_run reports only',
    response: KenaikanResultDto,
    roles: ADMIN_ONLY,
    errors: [400, 404, 409, 422],
  })
  promote(@Param('id', ParseIntPipe) id: number, @Body() body: KenaikanDto): Promise<KenaikanResultDto> {
    return this.kenaikan.promote(id, body);
  }

  @Post('tahun-ajaran/:id/kenaikan-otomatis')
  @HttpCode(HttpStatus.OK) // reports an outcome; creates no resource of its own
  @ApiEndpoint({
    summary:
      'Propose decisions for every rombel of the year (up one tingkat into the same-named class; tingkat 6, 9 and 12 graduate); changes nothing',
    response: KenaikanOtomatisDto,
    roles: ADMIN_ONLY,
    errors: [400, 404],
  })
  propose(@Param('id', ParseIntPipe) id: number, @Query() query: KenaikanQueryDto): Promise<KenaikanOtomatisDto> {
    return this.kenaikan.propose(id, query.dry_run);
  }
}
