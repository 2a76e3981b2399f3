import { HttpException, type HttpStatus } from '@nestjs/common';

export interface FieldError {
  field: string;
  message: string;
}

export interface RowFieldError extends FieldError {
  row: number;
}

/** RFC 9457 problem details, as every error of this API is answered. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code?: string;
  errors?: Array<FieldError | RowFieldError | Record<string, unknown>>;
  error_id?: string;
  request_id?: string;
  [extra: string]: unknown;
}

/**
 * A domain error with a stable code (e.g. `NILAI_DUPLICATE`), mapped by the global filter to
 * problem+json. Extra members (such as `errors`) are copied into the problem body.
 */
export class DomainException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: string,
    detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super({ detail, code, ...extra }, status);
  }
}

export const STATUS_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};
