import { Body, Controller, Get, Post, Put, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { ApiEndpoint } from '../common/openapi/api-endpoint.decorator';
import { ALL_ROLES, type AuthUser } from '../common/role';
import { AuthService } from './auth.service';
import { LoginDto, LogoutDto, RefreshDto } from './dto/login.dto';
import { ChangePasswordDto, RegisterDto, UpdateProfileDto } from './dto/user-input.dto';
import { AccessTokenResponseDto, TokenResponseDto, UserResponseDto } from './dto/user-response.dto';
import type { ClientInfo } from './session.service';
import { toUserResponse } from './user.mapper';
import { UsersService } from './users.service';

function clientInfo(request: FastifyRequest): ClientInfo {
  const agent = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof agent === 'string' ? agent : undefined };
}

/** `/api/auth`: login, tokens and the caller's own account (API.md §2). */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('token')
  @ApiEndpoint({
    public: true,
    summary: 'Log in (OAuth2 password form, application/x-www-form-urlencoded or JSON) [client]',
    response: TokenResponseDto,
    errors: [401, 403, 415, 422, 429],
  })
  // The media types this route takes (MediaTypeGuard enforces them; every other route is JSON).
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  token(@Body() dto: LoginDto, @Req() request: FastifyRequest): Promise<TokenResponseDto> {
    return this.auth.login(dto.username, dto.password, clientInfo(request));
  }

  @Post('login')
  @ApiEndpoint({ public: true, summary: 'Log in (JSON)', response: TokenResponseDto, errors: [401, 403, 422, 429] })
  login(@Body() dto: LoginDto, @Req() request: FastifyRequest): Promise<TokenResponseDto> {
    return this.auth.login(dto.username, dto.password, clientInfo(request));
  }

  @Post('refresh')
  @ApiEndpoint({
    public: true,
    summary: 'New access token, from the bearer access token (no body) [client] or from a refresh token (rotated)',
    description: 'Public only in the sense that a refresh token alone is enough; without one a valid bearer token is required.',
    response: AccessTokenResponseDto,
    errors: [401, 422],
  })
  refresh(@Body() dto: RefreshDto, @CurrentUser() user: AuthUser | undefined): Promise<AccessTokenResponseDto> {
    return this.auth.refresh(dto.refresh_token, user);
  }

  @Post('logout')
  @ApiEndpoint({ roles: ALL_ROLES, summary: 'End this session: its access and refresh tokens are refused from now on', status: 204, response: 'none' })
  async logout(@Body() _dto: LogoutDto, @CurrentUser() user: AuthUser): Promise<void> {
    await this.auth.logout(user);
  }

  @Post('register')
  @ApiEndpoint({
    public: true,
    summary: 'Create a user: admins any role; anyone else only with self-registration on (guru/staf, inactive) [client]',
    status: 201,
    response: UserResponseDto,
    errors: [401, 403, 409, 422],
  })
  async register(@Body() dto: RegisterDto, @CurrentUser() user: AuthUser | undefined): Promise<UserResponseDto> {
    return toUserResponse(await this.users.register(dto, user));
  }

  @Get('me')
  @ApiEndpoint({ roles: ALL_ROLES, summary: 'The logged-in user [client]', response: UserResponseDto })
  async me(@CurrentUser() user: AuthUser): Promise<UserResponseDto> {
    return toUserResponse(await this.auth.me(user));
  }

  @Put('me/profile')
  @ApiEndpoint({ roles: ALL_ROLES, summary: 'Update own email and profile (merged) [client]', response: UserResponseDto, errors: [409, 422] })
  async updateProfile(@Body() dto: UpdateProfileDto, @CurrentUser() user: AuthUser): Promise<UserResponseDto> {
    return toUserResponse(await this.auth.updateProfile(user, dto));
  }

  @Put('me/password')
  @ApiEndpoint({ roles: ALL_ROLES, summary: 'Change own password; other sessions are ended', status: 204, response: 'none', errors: [400, 422] })
  async changePassword(@Body() dto: ChangePasswordDto, @CurrentUser() user: AuthUser): Promise<void> {
    await this.auth.changePassword(user, dto);
  }

  @Get('verify')
  @ApiEndpoint({
    roles: ALL_ROLES,
    summary: 'Forward-auth for a reverse proxy: 204 with X-User-Id, X-User-Role, X-Username',
    status: 204,
    response: 'none',
  })
  verify(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) reply: FastifyReply): void {
    void reply.header('X-User-Id', String(user.id)).header('X-User-Role', user.role).header('X-Username', user.username);
  }
}
