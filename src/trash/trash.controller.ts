import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ParseIdPipe } from '../common/http/parse-id.pipe';
import { ApiTags } from '@nestjs/swagger';
import { ApiEndpoint } from '../common/openapi/api-endpoint.decorator';
import { ADMIN_ONLY } from '../common/role';
import { ListTrashQueryDto } from './dto/trash-query.dto';
import { TrashItemDto, TrashPageDto, TrashRestoreResultDto } from './dto/trash-response.dto';
import { TrashService } from './trash.service';

/** `/api/trash`: the recycle bin of deleted records, for admins. */
@ApiTags('trash')
@Controller('trash')
export class TrashController {
  constructor(private readonly trash: TrashService) {}

  @Get()
  @ApiEndpoint({ roles: ADMIN_ONLY, summary: 'Deletions, newest first, paged', response: TrashPageDto, errors: [400] })
  list(@Query() query: ListTrashQueryDto): Promise<TrashPageDto> {
    return this.trash.list(query);
  }

  @Get(':id')
  @ApiEndpoint({ roles: ADMIN_ONLY, summary: 'One deletion with every archived row', response: TrashItemDto, errors: [400, 404] })
  get(@Param('id', ParseIdPipe) id: number): Promise<TrashItemDto> {
    return this.trash.get(id);
  }

  @Post(':id/restore')
  @HttpCode(HttpStatus.OK)
  @ApiEndpoint({
    roles: ADMIN_ONLY,
    summary: 'Put a deletion back exactly (ids, values, timestamps); 409 when the data no longer allows it',
    response: TrashRestoreResultDto,
    errors: [400, 404, 409],
  })
  restore(@Param('id', ParseIdPipe) id: number): Promise<TrashRestoreResultDto> {
    return this.trash.restore(id);
  }

  @Delete(':id')
  @ApiEndpoint({ roles: ADMIN_ONLY, summary: 'Purge a deletion now (cannot be undone)', response: 'none', status: 204, errors: [400, 404] })
  purge(@Param('id', ParseIdPipe) id: number): Promise<void> {
    return this.trash.purge(id);
  }
}
