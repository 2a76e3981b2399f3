import { type ArgumentMetadata, HttpStatus, Injectable, type PipeTransform } from '@nestjs/common';
import { HTTP_ERRORS } from './http.errors';
import { DomainException } from './problem';

const INT4_MAX = 2_147_483_647;
const CANONICAL_ID = /^[1-9][0-9]{0,9}$/;

/**
 * A path id (`/siswa/{id}`, `/models/{version}`, …): exactly the canonical decimal spelling of a
 * positive int4. Nest's ParseIntPipe (like Number()) also took `0x10`, `1e1`, ` 10` and `10.0`,
 * so one row answered under many URLs (`/siswa/0x10` was student 16); ids past int4 reached
 * PostgreSQL as errors. Every route with an id uses this pipe; its 400 is INVALID_ID from the catalogue.
 */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    const id = CANONICAL_ID.test(value) ? Number(value) : NaN;
    if (!(id <= INT4_MAX)) {
      throw new DomainException(HttpStatus.BAD_REQUEST, HTTP_ERRORS.INVALID_ID, { param: metadata.data ?? 'id', max: INT4_MAX });
    }
    return id;
  }
}
