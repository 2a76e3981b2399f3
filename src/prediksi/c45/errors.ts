/**
 * The one error type the C4.5 learner and its readers throw for bad input.
 * `code` lets callers (CLI, HTTP layer) map the problem without parsing the message.
 */
export type C45ErrorCode =
  | 'UNKNOWN_TARGET'
  | 'NUMERIC_CLASS'
  | 'EMPTY_DATASET'
  | 'SINGLE_CLASS'
  | 'MALFORMED_ARFF'
  | 'MALFORMED_CSV'
  | 'MISSING_FILE'
  | 'INVALID_OPTION'
  | 'INVALID_INPUT'
  | 'INVALID_MODEL';

export class C45InputError extends Error {
  readonly code: C45ErrorCode;
  /** 1-based line number in the input file, when the problem is tied to one line. */
  readonly line?: number;

  constructor(code: C45ErrorCode, message: string, line?: number) {
    super(message);
    this.name = 'C45InputError';
    this.code = code;
    if (line !== undefined) this.line = line;
  }
}
