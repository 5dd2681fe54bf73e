/**
 * Reads a workbook with an independent reader, Debian's python3-openpyxl (not the library that wrote
 * it): every sheet's name, frozen cell and cells with their value, type and number format. Dates come
 * back as ISO text, so that a test compares what Excel would show.
 */
import { spawnSync } from 'node:child_process';

/** Debian's interpreter: a python3 earlier on PATH may be another build without Debian's modules. */
const PYTHON = '/usr/bin/python3';

export interface PyCell {
  value: string | number | boolean | null;
  /** openpyxl's data type: n number, s string, d date, f formula, b boolean. */
  type: string;
  format: string;
}

export interface PySheet {
  name: string;
  freeze: string | null;
  rows: PyCell[][];
  widths: Record<string, number>;
}

const DUMP = `
import json, sys, datetime, openpyxl, openpyxl.utils
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    rows = []
    for row in ws.iter_rows():
        cells = []
        for c in row:
            v = c.value
            if isinstance(v, (datetime.datetime, datetime.date)):
                v = v.isoformat()
            cells.append({"value": v, "type": c.data_type, "format": c.number_format})
        rows.append(cells)
    widths = {}
    for d in ws.column_dimensions.values():
        if d.width and d.min:
            for col in range(d.min, d.max + 1):
                widths[openpyxl.utils.get_column_letter(col)] = d.width
    out.append({"name": ws.title, "freeze": ws.freeze_panes, "rows": rows, "widths": widths})
print(json.dumps(out))
`;

export function readWorkbook(path: string): PySheet[] {
  const result = spawnSync(PYTHON, ['-c', DUMP, path], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`openpyxl could not read ${path}: ${result.stderr || result.error}`);
  return JSON.parse(result.stdout) as PySheet[];
}
