import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { HttpStatus } from '@nestjs/common';
import { msg } from '../../i18n/catalogue';
import { DomainException } from '../http/problem';
import { UPLOAD_ERRORS } from './upload.errors';

export interface UploadedSheet {
  filename: string;
  mimetype: string;
  buffer: Buffer;
}

/**
 * Reads the multipart field `file` into memory. The adapter's multipart limit (UPLOAD_LIMIT_BYTES)
 * makes toBuffer() fail with 413 beyond it, so at most that much is ever buffered.
 */
export async function readUploadFile(request: FastifyRequest): Promise<UploadedSheet> {
  if (!request.isMultipart()) {
    throw new DomainException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, UPLOAD_ERRORS.UNSUPPORTED_MEDIA_TYPE, { type: request.headers['content-type'] ?? '' });
  }
  const part = await request.file();
  if (!part || part.fieldname !== 'file') {
    throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, UPLOAD_ERRORS.FILE_REQUIRED, {}, {
      errors: [{ field: 'file', message: msg('FILE_FIELD_REQUIRED') }],
    });
  }
  const buffer = await part.toBuffer();
  return { filename: part.filename, mimetype: part.mimetype, buffer };
}
