export interface CsvRecord {
  /** 1-based line where the record starts (a quoted field may span several lines). */
  line: number;
  fields: string[];
}

export interface ParsedCsv {
  records: CsvRecord[];
  /** A quote that is never closed swallows the rest of the file: reported, not read. */
  unterminated: { line: number } | undefined;
}

/**
 * RFC 4180 CSV: fields separated by commas, quoted fields may hold commas, newlines and doubled
 * quotes. CRLF and LF both end records; a BOM is dropped. Blank lines are skipped.
 */
export function parseCsv(text: string): ParsedCsv {
  const source = text.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  for (let index = 0; index < source.length; index++) {
    const char = source[index]!;
    if (quoted) {
      if (char === '"' && source[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[index + 1] === '\n') index++;
      pushRecord(records, [...fields, field], recordLine);
      fields = [];
      field = '';
      line++;
      recordLine = line;
    } else field += char;
  }
  if (quoted) return { records, unterminated: { line: quoteLine } };
  pushRecord(records, [...fields, field], recordLine);
  return { records, unterminated: undefined };
}

function pushRecord(records: CsvRecord[], fields: string[], line: number): void {
  if (fields.length === 1 && fields[0]!.trim() === '') return;
  records.push({ line, fields });
}
