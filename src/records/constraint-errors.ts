import type { HttpStatus } from '@nestjs/common';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { DomainException } from '../common/http/problem';
import type { ErrorCode, Message, MessageParams } from '../i18n/catalogue';

/** What a violated, named constraint means to the client: the code's text is also the field's message. */
export interface ConstraintRule {
  status: HttpStatus;
  code: ErrorCode;
  field: string;
  /** The field's message when it should say more than the code's text (e.g. a shared code). */
  message?: Message;
}

function violatedConstraint(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driver = (error as unknown as { driverError?: { constraint?: string } }).driverError;
  return driver?.constraint;
}

/**
 * Runs a write and turns a violation of one of the named constraints into its domain error. The
 * database decides duplicates and missing students (also when two requests race); this only gives
 * the answer a code and a field the client can show. Other errors go to the global filter as they are.
 */
export async function withConstraintRules<T>(
  rules: Readonly<Record<string, ConstraintRule>>,
  write: () => Promise<T>,
  params: MessageParams = {},
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const rule = rules[violatedConstraint(error) ?? ''];
    if (!rule) throw error;
    throw new DomainException(rule.status, rule.code, params, {
      errors: [{ field: rule.field, message: rule.message ?? { ns: 'errors', key: rule.code, params } }],
    });
  }
}

/** A transaction whose constraint violations become their domain errors (the usual shape of a checked write). */
export function transactionWithRules<T>(
  dataSource: DataSource,
  rules: Readonly<Record<string, ConstraintRule>>,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return withConstraintRules(rules, () => dataSource.transaction(work));
}
