/**
 * What one upload may cost the API: a file that crosses any of these is refused with 413 naming the
 * limit, the moment it is crossed (while reading, not after). Set from UPLOAD_MAX_* at boot.
 */
export interface UploadLimits {
  /** Data rows per file (UPLOAD_MAX_ROWS). */
  maxRows: number;
  /** Bytes the parts of an .xlsx read may inflate to, all together (UPLOAD_MAX_INFLATED_BYTES). */
  maxInflatedBytes: number;
  /** Columns per row (UPLOAD_MAX_COLUMNS). */
  maxColumns: number;
  /** Characters per cell (UPLOAD_MAX_CELL_CHARS). */
  maxCellChars: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxRows: 100_000,
  maxInflatedBytes: 100 * 1024 * 1024,
  maxColumns: 100,
  // Excel's own limit for a cell: any genuine workbook fits.
  maxCellChars: 32_767,
};

/** The env names, so a 413 tells the operator which setting to raise. */
export const LIMIT_SETTINGS: Record<keyof UploadLimits, string> = {
  maxRows: 'UPLOAD_MAX_ROWS',
  maxInflatedBytes: 'UPLOAD_MAX_INFLATED_BYTES',
  maxColumns: 'UPLOAD_MAX_COLUMNS',
  maxCellChars: 'UPLOAD_MAX_CELL_CHARS',
};

let configured: UploadLimits = DEFAULT_UPLOAD_LIMITS;

/**
 * Called once per app by the config module. The record engine is built without the config (its
 * services pass only a spec), so the limits live here; every instance of one process shares them.
 */
export function configureUploadLimits(limits: UploadLimits): void {
  configured = { ...limits };
}

export function uploadLimits(): UploadLimits {
  return configured;
}
