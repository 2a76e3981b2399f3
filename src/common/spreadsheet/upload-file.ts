import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { HttpStatus } from '@nestjs/common';
import { msg } from '../../i18n/catalogue';
import { DomainException } from '../http/problem';
import { UPLOAD_ERRORS } from './upload.errors';
import type { AuthUser } from '../role';
import { safeFileName } from './safe-text';

/** Who sent an upload, for the event rows the upload writes in its own transaction. */
export interface UploadOrigin {
  requestId: string | null;
  userId: number | null;
  username: string | null;
  role: string | null;
  method: string;
  path: string;
  ip: string | null;
  userAgent: string | null;
  /** Date.now() when the file was read; the rows' events record the time taken since. */
  receivedAt: number;
}

export interface UploadedSheet {
  /** The name as sent, reduced to a safe, short form (safeFileName): messages and logs show this. */
  filename: string;
  mimetype: string;
  buffer: Buffer;
  origin?: UploadOrigin;
}

function originOf(request: FastifyRequest): UploadOrigin {
  const user = (request as FastifyRequest & { user?: AuthUser }).user;
  const agent = request.headers['user-agent'];
  return {
    requestId: String(request.id ?? '').slice(0, 128) || null,
    userId: user?.id ?? null,
    username: user?.username?.slice(0, 100) ?? null,
    role: user?.role ?? null,
    method: request.method.slice(0, 10),
    path: request.url.split('?')[0]!.slice(0, 2048),
    ip: request.ip?.slice(0, 64) ?? null,
    userAgent: typeof agent === 'string' ? agent.slice(0, 512) : null,
    receivedAt: Date.now(),
  };
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
  return { filename: safeFileName(part.filename), mimetype: part.mimetype, buffer, origin: originOf(request) };
}
