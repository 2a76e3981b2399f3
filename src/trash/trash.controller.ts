import { Controller, Param, Query } from '@nestjs/common';
import { ParseIdPipe } from '../common/http/parse-id.pipe';
import { ApiTags } from '@nestjs/swagger';
import { routePolicy } from '../common/openapi/route-policy';
import { ADMIN_ONLY } from '../common/role';
import { ListTrashQueryDto } from './dto/trash-query.dto';
import { TrashItemDto, TrashPageDto, TrashRestoreResultDto } from './dto/trash-response.dto';
import { TrashService } from './trash.service';

/** The recycle bin is the admin's, reads included. */
const route = routePolicy({ read: ADMIN_ONLY, write: ADMIN_ONLY });

/** `/api/trash`: the recycle bin of deleted records. */
@ApiTags('trash')
@Controller('trash')
export class TrashController {
  constructor(private readonly trash: TrashService) {}

  @route.get('', 'Deletions, newest first, paged', TrashPageDto, [400])
  list(@Query() query: ListTrashQueryDto): Promise<TrashPageDto> {
    return this.trash.list(query);
  }

  @route.get(':id', 'One deletion with every archived row', TrashItemDto, [400, 404])
  get(@Param('id', ParseIdPipe) id: number): Promise<TrashItemDto> {
    return this.trash.get(id);
  }

  @route.post(':id/restore', 'Put a deletion back exactly (ids, values, timestamps); 409 when the data no longer allows it', TrashRestoreResultDto, [400, 404, 409])
  restore(@Param('id', ParseIdPipe) id: number): Promise<TrashRestoreResultDto> {
    return this.trash.restore(id);
  }

  @route.delete(':id', 'Purge a deletion now (cannot be undone)', [400, 404])
  purge(@Param('id', ParseIdPipe) id: number): Promise<void> {
    return this.trash.purge(id);
  }
}
