import { HttpStatus } from '@nestjs/common';
import { dictionary } from '@zxcvbn-ts/language-common';
import { DomainException } from '../common/http/problem';
import { type Message, msg } from '../i18n/catalogue';
import { AUTH_ERRORS } from './auth.errors';
import { normalizeUsername } from './username';

/**
 * What NIST SP 800-63B §3.1.1.2 asks of a new password besides its length (class-validator checks
 * 8–128 on the DTOs): not a commonly used one, not derived from the account name, not blank.
 * Checked only when a password is set (registration, an admin's update, a change of one's own, the
 * first admin); logging in with an older password that would now be refused still works.
 */
export const PASSWORD_POLICY_MESSAGES = {
  whitespace: msg('PASSWORD_WHITESPACE'),
  common: msg('PASSWORD_COMMON'),
  equalsUsername: msg('PASSWORD_EQUALS_USERNAME'),
  containsUsername: msg('PASSWORD_CONTAINS_USERNAME'),
} as const;

/** zxcvbn-ts's list of the ~49,000 most common passwords (from leaked-password corpora), lower case. */
let commonPasswords: Set<string> | undefined;
function isCommon(password: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common']);
  return commonPasswords.has(password.toLowerCase());
}

/** Why the password is refused for this username, or undefined when it is acceptable. */
export function passwordProblem(password: string, username: string): Message | undefined {
  if (password.trim() === '') return PASSWORD_POLICY_MESSAGES.whitespace;
  const name = normalizeUsername(username);
  const candidate = normalizeUsername(password);
  if (name !== '' && candidate === name) return PASSWORD_POLICY_MESSAGES.equalsUsername;
  if (name !== '' && candidate.includes(name)) return PASSWORD_POLICY_MESSAGES.containsUsername;
  if (isCommon(password) || isCommon(password.trim())) return PASSWORD_POLICY_MESSAGES.common;
  return undefined;
}

/** 422 `WEAK_PASSWORD` naming the reason, on the given body field. */
export function assertPasswordAllowed(password: string, username: string, field = 'password'): void {
  const problem = passwordProblem(password, username);
  if (problem === undefined) return;
  throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, AUTH_ERRORS.WEAK_PASSWORD, { reason: problem }, {
    errors: [{ field, message: problem }],
  });
}
