/**
 * A small RFC 4180 reader for previews: quoted fields, doubled quotes, CRLF. A preview
 * reads only the first bytes, so a last row cut mid-way is dropped.
 */
export function parseCsv(text: string, maxRows = 100, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRow = () => {
    row.push(field);
    rows.push(row);
    row = [];
    field = '';
  };
  while (i < text.length && rows.length < maxRows) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text.charAt(i + 1) === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n') endRow();
    else if (ch !== '\r') field += ch;
    i += 1;
  }
  // Text that ended cleanly keeps its last row; a cut one (inside quotes) does not.
  if (rows.length < maxRows && !quoted && (field !== '' || row.length > 0)) endRow();
  return rows;
}

/** Tab-separated for .tsv files, else comma. */
export function delimiterFor(name: string): string {
  return /\.tsv$/i.test(name) ? '\t' : ',';
}
