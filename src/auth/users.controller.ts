import { Body, Controller, Delete, Get, Param, Patch, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ID_PIPE } from '../common/http/validation';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { ApiEndpoint } from '../common/openapi/api-endpoint.decorator';
import { ADMIN_ONLY, type AuthUser } from '../common/role';
import { ListUsersQueryDto } from './dto/list-users-query.dto';
import { UpdateUserDto } from './dto/user-input.dto';
import { UserResponseDto } from './dto/user-response.dto';
import { toUserResponse } from './user.mapper';
import { UsersService } from './users.service';

/** `/api/auth/users`: user management, admins only (API.md §2, §9). */
@ApiTags('users')
@Controller('auth/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiEndpoint({ roles: ADMIN_ONLY, summary: 'List users (bare array, total in X-Total-Count) [client]', response: [UserResponseDto], errors: [400] })
  async list(@Query() query: ListUsersQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<UserResponseDto[]> {
    const { items, total } = await this.users.list(query);
    void reply.header('X-Total-Count', String(total));
    return items.map(toUserResponse);
  }

  @Get(':id')
  @ApiEndpoint({ roles: ADMIN_ONLY, summary: 'One user', response: UserResponseDto, errors: [400, 404] })
  async get(@Param('id', ID_PIPE) id: number): Promise<UserResponseDto> {
    return toUserResponse(await this.users.findByIdOrFail(id));
  }

  @Put(':id')
  @ApiEndpoint({
    roles: ADMIN_ONLY,
    summary: 'Update a user (partial; empty password = unchanged); the last active admin cannot be demoted [client]',
    response: UserResponseDto,
    errors: [400, 404, 409, 422],
  })
  async update(@Param('id', ID_PIPE) id: number, @Body() dto: UpdateUserDto): Promise<UserResponseDto> {
    return toUserResponse(await this.users.update(id, dto));
  }

  @Patch(':id')
  @ApiEndpoint({ roles: ADMIN_ONLY, summary: 'Alias of PUT', response: UserResponseDto, errors: [400, 404, 409, 422] })
  async patch(@Param('id', ID_PIPE) id: number, @Body() dto: UpdateUserDto): Promise<UserResponseDto> {
    return toUserResponse(await this.users.update(id, dto));
  }

  @Delete(':id')
  @ApiEndpoint({
    roles: ADMIN_ONLY,
    summary: 'Delete a user; not yourself (400), not the last active admin (409) [client]',
    status: 204,
    response: 'none',
    errors: [400, 404, 409],
  })
  async remove(@Param('id', ID_PIPE) id: number, @CurrentUser() user: AuthUser): Promise<void> {
    await this.users.remove(id, user);
  }
}
