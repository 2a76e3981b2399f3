import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import yauzl from 'yauzl';
import { unwrapExcelCell, type RawCell } from './cell-values';
import type { UploadLimits } from './upload-limits';
import { limitExceeded, unreadable, uploadMsg, UploadProblem } from './upload-problem';

/** One row of a sheet as read: its number in the sheet and its cells by column (0-based). */
export interface SheetRow {
  number: number;
  cells: RawCell[];
}

/**
 * The parts of exceljs' streaming WorkbookReader we drive ourselves. Its own `parse()` unzips with
 * unzipper and cannot be told to stop at a size (and spools sheets that come before the shared
 * strings to temporary files), so we unzip with yauzl, count every inflated byte, and hand each part
 * to exceljs' parsers for that part. Pinned by the tests of this folder (exceljs 4.4).
 */
interface ExcelReaderParts {
  _parseRels(stream: Readable): Promise<void>;
  _parseWorkbook(stream: Readable): Promise<void>;
  _parseSharedStrings(stream: Readable): AsyncGenerator<unknown>;
  _parseStyles(stream: Readable): Promise<void>;
  _parseWorksheet(text: AsyncIterable<string>, sheetNo: string): Generator<{ value: AsyncIterable<ExcelRow> }>;
  workbookRels?: Array<{ Id: string; Target: string }>;
  model?: { sheets?: Array<{ rId: string }> };
}

interface ExcelRow {
  number: number;
  eachCell(callback: (cell: { value: unknown }, col: number) => void): void;
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';
/** The parts an upload may read, all counted against UPLOAD_MAX_INFLATED_BYTES before parsing. */
const READ_PARTS = /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)$/;

/** Counts inflated bytes across every part read; crossing the limit stops the read at once. */
class InflateBudget {
  private used = 0;
  constructor(
    private readonly file: string,
    private readonly max: number,
  ) {}

  spend(bytes: number): void {
    this.used += bytes;
    if (this.used > this.max) throw limitExceeded(this.file, 'maxInflatedBytes', this.max);
  }
}

function openZip(buffer: Buffer, file: string): Promise<{ zip: yauzl.ZipFile; entries: Map<string, yauzl.Entry> }> {
  return new Promise((resolve, reject) => {
    // Sizes are not validated against the directory here: our own count is the authority (and
    // stops a part whose header lies the moment the real bytes cross the limit).
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: false }, (error, zip) => {
      if (error || !zip) return reject(unreadable(file, uploadMsg('ZIP_INVALID')));
      const entries = new Map<string, yauzl.Entry>();
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve({ zip, entries }));
      zip.on('error', () => reject(unreadable(file, uploadMsg('ZIP_DAMAGED'))));
      zip.readEntry();
    });
  });
}

/** A part's inflated bytes as UTF-8 text (split characters decoded whole), counted against the budget. */
async function* partText(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: InflateBudget, file: string): AsyncGenerator<string> {
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch {
    throw unreadable(file, uploadMsg('ZIP_PART_UNZIP', { part: entry.fileName }));
  }
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      budget.spend(chunk.length);
      const text = decoder.write(chunk);
      if (text) yield text;
    }
    const tail = decoder.end();
    if (tail) yield tail;
  } catch (error) {
    if (error instanceof UploadProblem) throw error;
    throw unreadable(file, uploadMsg('ZIP_PART_DAMAGED', { part: entry.fileName }));
  } finally {
    stream.destroy();
  }
}

/** Inflates a part only to count it: fast (no parsing), so a bomb is refused before any XML is read. */
async function measure(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: InflateBudget, file: string): Promise<void> {
  for await (const _ of partText(zip, entry, budget, file));
}

function sheetPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/**
 * The first worksheet of an .xlsx, row by row, without holding the workbook: its declared sizes are
 * checked first, then every part is inflated once to count it (the directory can lie), then read.
 */
export async function* xlsxRows(buffer: Buffer, file: string, limits: UploadLimits): AsyncGenerator<SheetRow> {
  const { zip, entries } = await openZip(buffer, file);
  try {
    const workbook = entries.get(WORKBOOK);
    const rels = entries.get(WORKBOOK_RELS);
    if (!workbook || !rels) throw unreadable(file, uploadMsg('WORKBOOK_XML_MISSING'));
    // Everything that may be read counts, every worksheet included (which one is first is only known
    // after parsing the workbook): declared sizes first, then the real bytes, before any XML is parsed.
    const parts = [...entries.values()].filter((e) => READ_PARTS.test(e.fileName));
    const declared = parts.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (declared > limits.maxInflatedBytes) throw limitExceeded(file, 'maxInflatedBytes', limits.maxInflatedBytes);
    const counted = new InflateBudget(file, limits.maxInflatedBytes);
    for (const entry of parts) await measure(zip, entry, counted, file);

    // Loaded only now (it takes a while): a worker refusing a zip bomb never loads it.
    const { default: ExcelJS } = await import('exceljs');
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
      sharedStrings: 'cache',
      styles: 'cache', // date-formatted number cells come back as dates
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    }) as unknown as ExcelReaderParts;
    const text = (path: string, budget: InflateBudget) => Readable.from(partText(zip, entries.get(path)!, budget, file));
    const head = new InflateBudget(file, limits.maxInflatedBytes);
    await reader._parseRels(text(WORKBOOK_RELS, head));
    await reader._parseWorkbook(text(WORKBOOK, head));
    const firstSheet = reader.model?.sheets?.[0];
    const target = reader.workbookRels?.find((r) => r.Id === firstSheet?.rId)?.Target;
    const sheet = target ? entries.get(sheetPath(target)) : undefined;
    if (!sheet) throw unreadable(file, uploadMsg('WORKBOOK_NO_SHEET'));

    const budget = new InflateBudget(file, limits.maxInflatedBytes);
    if (entries.has(SHARED_STRINGS)) for await (const _ of reader._parseSharedStrings(text(SHARED_STRINGS, budget)));
    if (entries.has(STYLES)) await reader._parseStyles(text(STYLES, budget));
    for (const { value: rows } of reader._parseWorksheet(partText(zip, sheet, budget, file), '1')) {
      for await (const row of rows) {
        const cells: RawCell[] = [];
        row.eachCell((cell, col) => {
          if (col > limits.maxColumns) throw limitExceeded(file, 'maxColumns', limits.maxColumns, row.number);
          cells[col - 1] = unwrapExcelCell(cell.value);
        });
        yield { number: row.number, cells };
      }
    }
  } catch (error) {
    if (error instanceof UploadProblem) throw error;
    throw unreadable(file, uploadMsg('WORKBOOK_INVALID', { cause: error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : '' }));
  } finally {
    zip.close();
  }
}
