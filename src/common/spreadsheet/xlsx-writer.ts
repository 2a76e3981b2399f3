import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import archiver from 'archiver';
import type { CellValue, ExportColumn } from './sheet-columns';
import { drained } from './stream-drain';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

const CONTENT_TYPES = `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${TYPE}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${TYPE}.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="${TYPE}.styles+xml"/></Types>`;
const ROOT_RELS = `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK_RELS = `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
/** One default style (Calibri 11): every cell is plain. */
const STYLES = `${XML}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

// Characters XML 1.0 cannot carry at all (controls other than tab, LF, CR; U+FFFE/U+FFFF) are dropped.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ESCAPE = /[<>&]/g;
const ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

// eslint-disable-next-line no-control-regex -- as NOT_XML
const NEEDS_ESCAPE = /[<>&\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Most cells (names, semesters, dates) need no escaping: one test, no copies. */
function escapeXml(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(NOT_XML, '').replace(ESCAPE, (c) => ESCAPES[c]!) : text;
}

/** Text whose leading or trailing space or line break a reader would otherwise drop. */
const EDGE_SPACE = /^\s|\s$|\n/;

/** A, B, …, Z, AA, … */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** One cell: a number as a number, text as an inline string (plain text, never a formula), null as no cell. */
function cellXml(ref: string, value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"><v>${value}</v></c>` : '';
  const space = EDGE_SPACE.test(value) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}" t="inlineStr"><is><t${space}>${escapeXml(value)}</t></is></c>`;
}

/**
 * A one-sheet .xlsx streamed to `out`: a header row of the column headers, then the rows of each
 * batch as they come, compressed as they are written. Strings are inline (no shared-string table
 * to hold), there are no styles beyond the default; column widths are kept. Written by hand rather
 * than with exceljs' WorkbookWriter, which built a Row and a Cell object per cell and took three
 * quarters of an .xlsx export's time.
 */
export async function writeXlsxSheet<T>(
  out: Writable,
  sheetName: string,
  columns: ReadonlyArray<ExportColumn<T>>,
  batches: AsyncIterable<readonly T[]>,
): Promise<void> {
  // archiver writes the zip container (deflate level 1: the sheet is repetitive XML, and a faster
  // export matters more than the last fifth of its size); we write the parts' XML.
  const zip = archiver('zip', { zlib: { level: 1 } });
  const failed = new Promise<never>((_, reject) => zip.on('error', reject));
  failed.catch(() => undefined);
  zip.pipe(out);
  zip.append(CONTENT_TYPES, { name: '[Content_Types].xml' });
  zip.append(ROOT_RELS, { name: '_rels/.rels' });
  zip.append(
    `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${escapeXml(sheetName).replace(/"/g, '&quot;')}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    { name: 'xl/workbook.xml' },
  );
  zip.append(WORKBOOK_RELS, { name: 'xl/_rels/workbook.xml.rels' });
  zip.append(STYLES, { name: 'xl/styles.xml' });

  const sheet = new PassThrough();
  zip.append(sheet, { name: 'xl/worksheets/sheet1.xml' });
  /** One piece of the sheet; waits while the zip (and so the client) is behind, so memory stays bounded. */
  const write = async (xml: string): Promise<void> => {
    if (!sheet.write(xml)) await Promise.race([once(sheet, 'drain'), failed]);
    await drained(out);
  };

  const names = columns.map((_, i) => columnName(i));
  const widths = columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width ?? 16}" customWidth="1"/>`).join('');
  const header = columns.map((c, i) => cellXml(`${names[i]}1`, c.header)).join('');
  await write(`${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><cols>${widths}</cols><sheetData><row r="1">${header}</row>`);
  let number = 1;
  for await (const batch of batches) {
    let xml = '';
    for (const row of batch) {
      number += 1;
      xml += `<row r="${number}">`;
      for (let i = 0; i < columns.length; i++) xml += cellXml(`${names[i]}${number}`, columns[i]!.value(row));
      xml += '</row>';
    }
    await write(xml);
  }
  sheet.end('</sheetData></worksheet>');
  await Promise.race([zip.finalize(), failed]);
}
