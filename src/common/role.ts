export const ROLES = ['admin', 'guru', 'staf'] as const;
export type Role = (typeof ROLES)[number];

/** Shorthands for the permission table of API.md §9. */
export const ALL_ROLES: Role[] = ['admin', 'guru', 'staf'];
export const ADMIN_ONLY: Role[] = ['admin'];
/** siswa, penghasilan: write and upload. */
export const STUDENT_WRITERS: Role[] = ['admin', 'staf'];
/** nilai, presensi, prestasi: write and upload. */
export const ACADEMIC_WRITERS: Role[] = ['admin', 'guru'];

/** The authenticated caller, as the JWT guard puts it on the request. */
export interface AuthUser {
  id: number;
  username: string;
  role: Role;
  sessionId: string;
}
