import { HttpStatus } from '@nestjs/common';
import { DomainException } from '../common/http/problem';
import { errorCodes } from '../i18n/error-codes';
import { RECORD_ERRORS } from '../records/records.errors';
import { TAHUN_AJARAN_ERRORS } from '../tahun-ajaran/tahun-ajaran.errors';

/** Codes of the report cards (rapor PDFs). */
export const RAPOR_ERRORS = errorCodes({
  RAPOR_TANPA_ROMBEL: 'RAPOR_TANPA_ROMBEL',
  RAPOR_TANPA_NILAI: 'RAPOR_TANPA_NILAI',
  RAPOR_ROMBEL_TANPA_NILAI: 'RAPOR_ROMBEL_TANPA_NILAI',
});

/**
 * A report card names the class, its wali kelas and the grades: without a rombel that year or
 * without grades that semester there is nothing to hand out, so the answer says what is missing.
 */
export const RaporErrors = {
  siswaNotFound: (id: number) => new DomainException(HttpStatus.NOT_FOUND, RECORD_ERRORS.SISWA_NOT_FOUND, { id }),
  /** A well-formed tahun_ajaran that names no school year: there is no such report to find. */
  yearUnknown: () => new DomainException(HttpStatus.NOT_FOUND, TAHUN_AJARAN_ERRORS.TAHUN_AJARAN_UNKNOWN),
  noRombel: (nama: string, tahunAjaran: string) =>
    new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, RAPOR_ERRORS.RAPOR_TANPA_ROMBEL, { nama, tahun_ajaran: tahunAjaran }),
  noNilai: (nama: string, semester: string, tahunAjaran: string) =>
    new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, RAPOR_ERRORS.RAPOR_TANPA_NILAI, { nama, semester, tahun_ajaran: tahunAjaran }),
  rombelNoNilai: (rombel: string, semester: string, tahunAjaran: string) =>
    new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, RAPOR_ERRORS.RAPOR_ROMBEL_TANPA_NILAI, {
      rombel,
      semester,
      tahun_ajaran: tahunAjaran,
    }),
};
