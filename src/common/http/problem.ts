import { HttpException, type HttpStatus } from '@nestjs/common';
import { type ErrorCode, type Message, type MessageParams, render } from '../../i18n/catalogue';

/** A field's problem; `message` is rendered in the request's language by the problem+json filter. */
export interface FieldError {
  field: string;
  message: Message;
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
  errors?: Array<Record<string, unknown>>;
  error_id?: string;
  request_id?: string;
  [extra: string]: unknown;
}

/**
 * A domain error with a stable code from the catalogue (`src/i18n/en/errors.json`, e.g.
 * `NILAI_DUPLICATE`). The problem+json filter renders its detail — the code's template filled with
 * `params` — in the request's language. Extra members (such as `errors`, whose messages are rendered
 * too) are copied into the problem body. `message` is the English text, for logs.
 */
export class DomainException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: ErrorCode,
    readonly params: MessageParams = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super({ code, ...extra }, status);
    this.message = render('en', { ns: 'errors', key: code, params });
  }

  /** The detail to render: the code's template. */
  get detail(): Message {
    return { ns: 'errors', key: this.code, params: this.params };
  }
}
