import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { recordChange } from '../common/audit/audit-context';
import { DomainException } from '../common/http/problem';
import { HTTP_ERRORS } from '../common/http/http.errors';
import { UPLOAD_ERRORS } from '../common/spreadsheet/upload.errors';
import { type Message, msg } from '../i18n/catalogue';
import { SEKOLAH_ERRORS } from './sekolah.errors';
import { AppSetting } from '../database/app-setting.entity';
import { checkPng } from './png';
import { SEKOLAH_FIELDS, type SekolahIdentity, type SekolahResponseDto, type UpdateSekolahDto } from './sekolah.dto';

const IDENTITY_KEY = 'sekolah';
const LOGO_KEY = 'sekolah_logo';
export const LOGO_URL = '/api/settings/sekolah/logo';
/** A letterhead logo fits easily; the limit keeps GET /settings/sekolah (which carries it) small. */
export const MAX_LOGO_BYTES = 256 * 1024;

export const SekolahErrors = {
  noLogo: () => new DomainException(HttpStatus.NOT_FOUND, SEKOLAH_ERRORS.LOGO_NOT_FOUND),
  badLogo: (reason: Message) =>
    new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, SEKOLAH_ERRORS.LOGO_INVALID, { reason }, {
      errors: [{ field: 'file', message: reason }],
    }),
  logoTooLarge: (bytes: number) =>
    new DomainException(
      HttpStatus.PAYLOAD_TOO_LARGE,
      SEKOLAH_ERRORS.LOGO_TOO_LARGE,
      { bytes, max: MAX_LOGO_BYTES },
    ),
  fileRequired: () =>
    new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, UPLOAD_ERRORS.FILE_REQUIRED, {}, {
      errors: [{ field: 'file', message: msg('LOGO_FILE_REQUIRED') }],
    }),
  notMultipart: () =>
    new DomainException(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      HTTP_ERRORS.UNSUPPORTED_MEDIA_TYPE,
      { type: '', accepted: 'multipart/form-data' },
    ),
};

const EMPTY: SekolahIdentity = { nama_sekolah: null, npsn: null, alamat: null, kota: null, kepala_sekolah: null, nip_kepala_sekolah: null };

/** The school's identity (for report cards) in app_setting; the logo is a separate setting, as PNG base64. */
@Injectable()
export class SekolahService {
  constructor(private readonly dataSource: DataSource) {}

  async get(): Promise<SekolahResponseDto> {
    const identity = await this.identity();
    const logo = await this.logoBase64();
    return { ...identity, logo_url: logo ? LOGO_URL : null, logo: logo ? `data:image/png;base64,${logo}` : null };
  }

  async update(body: UpdateSekolahDto): Promise<SekolahResponseDto> {
    const before = await this.identity();
    const after: SekolahIdentity = { ...before };
    for (const field of SEKOLAH_FIELDS) {
      const value = body[field];
      if (value !== undefined) after[field] = value === '' ? null : value;
    }
    await this.dataSource.getRepository(AppSetting).upsert({ key: IDENTITY_KEY, value: after }, ['key']);
    recordChange({ entity_type: 'sekolah', before, after });
    return this.get();
  }

  async logo(): Promise<Buffer> {
    const logo = await this.logoBase64();
    if (!logo) throw SekolahErrors.noLogo();
    return Buffer.from(logo, 'base64');
  }

  async setLogo(bytes: Buffer): Promise<SekolahResponseDto> {
    if (bytes.length > MAX_LOGO_BYTES) throw SekolahErrors.logoTooLarge(bytes.length);
    const png = checkPng(bytes);
    if (!png.ok) throw SekolahErrors.badLogo(png.reason);
    await this.dataSource.getRepository(AppSetting).upsert({ key: LOGO_KEY, value: { png: bytes.toString('base64') } }, ['key']);
    recordChange({ entity_type: 'sekolah_logo', after: { bytes: bytes.length, width: png.width, height: png.height } });
    return this.get();
  }

  async removeLogo(): Promise<void> {
    const result = await this.dataSource.getRepository(AppSetting).delete({ key: LOGO_KEY });
    if (!result.affected) throw SekolahErrors.noLogo();
    recordChange({ entity_type: 'sekolah_logo', before: { logo: true }, after: null });
  }

  private async identity(): Promise<SekolahIdentity> {
    const row = await this.dataSource.getRepository(AppSetting).findOneBy({ key: IDENTITY_KEY });
    return { ...EMPTY, ...((row?.value as Partial<SekolahIdentity> | undefined) ?? {}) };
  }

  private async logoBase64(): Promise<string | undefined> {
    const row = await this.dataSource.getRepository(AppSetting).findOneBy({ key: LOGO_KEY });
    return (row?.value as { png?: string } | undefined)?.png;
  }
}
