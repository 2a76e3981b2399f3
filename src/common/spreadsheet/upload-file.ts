import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { HttpStatus } from '@nestjs/common';
import { DomainException } from '../http/problem';

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
    throw new DomainException(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the file as multipart/form-data in the field "file"',
    );
  }
  const part = await request.file();
  if (!part || part.fieldname !== 'file') {
    throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, 'FILE_REQUIRED', 'The multipart field "file" is required', {
      errors: [{ field: 'file', message: 'file is required (.xlsx or .csv)' }],
    });
  }
  const buffer = await part.toBuffer();
  return { filename: part.filename, mimetype: part.mimetype, buffer };
}
