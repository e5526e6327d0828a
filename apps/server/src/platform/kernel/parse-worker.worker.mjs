// Worker thread entry for parse jobs (see parse-worker.ts). Plain JavaScript that imports only npm packages, so the
// same file runs under tsx (tests, CLI) and next to the esbuild bundle (scripts/build-server.mjs copies it to dist/).
// It receives { job, data } and answers { ok: true, result } or { ok: false }; results are plain data.
import { parentPort } from 'node:worker_threads';

/** Text of an exceljs cell value, as the importers compare and store it. */
function cellText(value) {
  if (value == null) return '';
  if (value instanceof Date) {
    // Excel dates carry no zone; exceljs reads them as UTC midnight.
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result);
    if ('error' in value) return '';
  }
  return String(value);
}

const jobs = {
  /** mammoth's raw text of a .docx. */
  async docxText(data) {
    const { default: mammoth } = await import('mammoth');
    const result = await mammoth.extractRawText({ buffer: data });
    return result.value;
  },
  /** The first worksheet as trimmed cell texts: header[col] and rows[{ rowNumber, cells[col] }] (1-based cols). */
  async sheetRows(data) {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data);
    const ws = wb.worksheets[0];
    if (!ws) return { hasSheet: false, header: [], rows: [] };
    const header = [];
    ws.getRow(1).eachCell((cell, col) => {
      header[col] = cellText(cell.value).trim();
    });
    const rows = [];
    ws.eachRow((row, rowNumber) => {
      if (rowNumber === 1) return;
      const cells = [];
      for (let col = 1; col < header.length; col++) {
        if (header[col] !== undefined) cells[col] = cellText(row.getCell(col).value).trim();
      }
      rows.push({ rowNumber, cells });
    });
    return { hasSheet: true, header, rows };
  },
};

parentPort.once('message', async ({ job, data }) => {
  try {
    const run = jobs[job];
    if (!run) throw new Error(`unknown parse job ${job}`);
    parentPort.postMessage({ ok: true, result: await run(Buffer.from(data.buffer, data.byteOffset, data.byteLength)) });
  } catch {
    // The caller turns any failure into its own "file cannot be read" 400; no file content is logged.
    parentPort.postMessage({ ok: false });
  }
});
