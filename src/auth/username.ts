/**
 * The one spelling of a username that login, the throttle, registration and uniqueness compare:
 * NFKC (full-width and other compatibility forms become their plain letters, so `ａｄｍｉｎ` is
 * `admin`) then lower case. Stored in `users.username_normalized` under a unique index; the
 * displayed `username` keeps the spelling the user chose.
 *
 * Deliberately not PostgreSQL's lower(), whose result depends on the database's collation: with
 * glibc it folds `İ` (U+0130) to `i`, which is how `vİ_x` used to log in as `vi_x` while the
 * throttle counted it as another name.
 */
export function normalizeUsername(username: string): string {
  // NFKC again after lower-casing, which can leave sequences NFKC would compose: the result is stable.
  return username.normalize('NFKC').toLowerCase().normalize('NFKC');
}
