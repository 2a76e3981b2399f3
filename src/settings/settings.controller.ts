import { Body, Controller, Get, Req, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { ApiEndpoint } from '../common/openapi/api-endpoint.decorator';
import { routePolicy } from '../common/openapi/route-policy';
import { ADMIN_ONLY, ALL_ROLES } from '../common/role';
import { SekolahResponseDto, UpdateSekolahDto } from './sekolah.dto';
import { SekolahErrors, SekolahService } from './sekolah.service';

async function readLogo(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) throw SekolahErrors.notMultipart();
  const part = await request.file();
  if (!part || part.fieldname !== 'file') throw SekolahErrors.fileRequired();
  return part.toBuffer();
}

/** Everyone reads the school's identity; admins write it. */
const route = routePolicy({ read: ALL_ROLES, write: ADMIN_ONLY });

/** `/api/settings/sekolah`: the school's identity and logo (report-card letterhead). */
@ApiTags('settings')
@Controller('settings/sekolah')
export class SettingsController {
  constructor(private readonly sekolah: SekolahService) {}

  @route.get('', 'School identity (with the logo as a data URL)', SekolahResponseDto)
  get(): Promise<SekolahResponseDto> {
    return this.sekolah.get();
  }

  @route.put('', 'Update the school identity (partial; null or empty clears a field)', SekolahResponseDto, [422])
  update(@Body() body: UpdateSekolahDto): Promise<SekolahResponseDto> {
    return this.sekolah.update(body);
  }

  @Get('logo')
  @ApiEndpoint({ summary: 'The school logo (image/png)', response: 'binary', produces: 'image/png', roles: ALL_ROLES, errors: [404] })
  async logo(): Promise<StreamableFile> {
    return new StreamableFile(await this.sekolah.logo(), { type: 'image/png', disposition: 'inline; filename=logo.png' });
  }

  @route.put('logo', 'Upload the school logo (multipart field file, a PNG)', SekolahResponseDto, [413, 415, 422])
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: 'PNG, at most 256 KiB and 2048×2048' } },
    },
  })
  async setLogo(@Req() request: FastifyRequest): Promise<SekolahResponseDto> {
    return this.sekolah.setLogo(await readLogo(request));
  }

  @route.delete('logo', 'Remove the school logo', [404])
  removeLogo(): Promise<void> {
    return this.sekolah.removeLogo();
  }
}
