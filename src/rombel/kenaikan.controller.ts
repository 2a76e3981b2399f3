import { Body, Controller, Param, Query } from '@nestjs/common';
import { ParseIdPipe } from '../common/http/parse-id.pipe';
import { ApiTags } from '@nestjs/swagger';
import { routePolicy } from '../common/openapi/route-policy';
import { ADMIN_ONLY } from '../common/role';
import { KenaikanDto, KenaikanOtomatisDto, KenaikanQueryDto, KenaikanResultDto } from './dto/kenaikan.dto';
import { KenaikanService } from './kenaikan.service';

/** Promotion is the admin's: both routes report an outcome (200) and create no resource of their own. */
const route = routePolicy({ read: ADMIN_ONLY, write: ADMIN_ONLY });

/** End-of-year promotion (admin): decide a rombel, or get a proposal for a whole year. */
@ApiTags('rombel')
@Controller()
export class KenaikanController {
  constructor(private readonly kenaikan: KenaikanService) {}

  @route.post('rombel/:id/kenaikan', 'Promote a rombel: one decision per member (naik, tinggal, lulus, keluar), all or nothing; dry_run reports only', KenaikanResultDto, [400, 404, 409, 422])
  promote(@Param('id', ParseIdPipe) id: number, @Body() body: KenaikanDto): Promise<KenaikanResultDto> {
    return this.kenaikan.promote(id, body);
  }

  @route.post('tahun-ajaran/:id/kenaikan-otomatis', 'Propose decisions for every rombel of the year (up one tingkat into the same-named class; tingkat 6, 9 and 12 graduate); changes nothing', KenaikanOtomatisDto, [400, 404])
  propose(@Param('id', ParseIdPipe) id: number, @Query() query: KenaikanQueryDto): Promise<KenaikanOtomatisDto> {
    return this.kenaikan.propose(id, query.dry_run);
  }
}
