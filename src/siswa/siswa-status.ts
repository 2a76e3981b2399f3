/** A student's standing at the school; only `aktif` students appear in lists by default. */
export const SISWA_STATUSES = ['aktif', 'lulus', 'mutasi', 'keluar'] as const;
export type SiswaStatus = (typeof SISWA_STATUSES)[number];

/** The `status` list filter's value for every student, whatever their status. */
export const STATUS_ALL = ['semua', 'all'];
export const SISWA_STATUS_FILTERS = [...SISWA_STATUSES, ...STATUS_ALL];

/** The statuses a list shows: `aktif` when none is asked for, everyone for `semua`/`all`. */
export function statusFilter(status: string | undefined): string | undefined {
  if (status === undefined) return 'aktif';
  return STATUS_ALL.includes(status) ? undefined : status;
}
