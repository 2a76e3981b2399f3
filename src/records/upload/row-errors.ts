import { HttpStatus } from '@nestjs/common';
import { DomainException, type RowFieldError } from '../../common/http/problem';
import { UPLOAD_ERRORS } from '../../common/spreadsheet/upload.errors';

/** The answer lists at most this many row errors; the detail says how many rows were invalid. */
export const MAX_REPORTED_ERRORS = 1000;

/**
 * Row errors of an upload, bounded: a 100,000-row file with every cell wrong must not hold a million
 * error objects. Each check (`stage`) keeps its first MAX_REPORTED_ERRORS, which is enough to answer
 * the first MAX_REPORTED_ERRORS by row; every invalid row is counted.
 */
export class RowErrors {
  private readonly kept = new Map<string, RowFieldError[]>();
  private readonly rows = new Set<number>();

  add(stage: string, error: RowFieldError): void {
    this.rows.add(error.row);
    const list = this.kept.get(stage) ?? [];
    if (list.length < MAX_REPORTED_ERRORS) list.push(error);
    this.kept.set(stage, list);
  }

  has(row: number): boolean {
    return this.rows.has(row);
  }

  get size(): number {
    return this.rows.size;
  }

  /** 422: nothing was imported; `errors` sorted by row, `invalid_rows` the full count. */
  reject(rowCount: number): DomainException {
    const sorted = [...this.kept.values()].flat().sort((a, b) => a.row - b.row);
    const rows = [...this.rows].sort((a, b) => a - b);
    const shown = rows.slice(0, 10).join(', ') + (rows.length > 10 ? ', …' : '');
    return new DomainException(
      HttpStatus.UNPROCESSABLE_ENTITY,
      UPLOAD_ERRORS.INVALID,
      { invalid: rows.length, total: rowCount, rows: shown },
      { errors: sorted.slice(0, MAX_REPORTED_ERRORS), invalid_rows: rows.length },
    );
  }
}

/** Gives the event loop a turn every `sliceMs` of CPU, so other requests are answered during an upload. */
export function timeSlicer(sliceMs = 10): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}
