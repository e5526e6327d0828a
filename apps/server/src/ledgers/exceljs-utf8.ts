import { createRequire } from 'node:module';
import { Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';

/**
 * exceljs 4.4's streaming reader decodes every decompressed chunk on its own (`utils/parse-sax.js`), so a Chinese
 * character split across two chunks turns into U+FFFD — in a 50,000-row sheet of 元坝镇/调解成功 that happens dozens
 * of times. Here each worksheet, shared-strings and styles part is decoded with its own streaming `StringDecoder`
 * before the XML parser sees it (the parser passes strings through untouched). Applied once, on import.
 */
type Chunks = AsyncIterable<Buffer | string>;

async function* decodeUtf8(chunks: Chunks): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

const decodingStream = () => {
  const decoder = new StringDecoder('utf8');
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      const text = decoder.write(chunk);
      done(null, text || undefined);
    },
    flush(done) {
      const rest = decoder.end();
      done(null, rest || undefined);
    },
  });
};

const require = createRequire(import.meta.url);
const WorksheetReader = require('exceljs/lib/stream/xlsx/worksheet-reader.js') as {
  prototype: { parse: (this: { iterator: Chunks }) => AsyncGenerator<unknown>; __utf8?: boolean };
};
const WorkbookReader = ExcelJS.stream.xlsx.WorkbookReader as unknown as {
  prototype: Record<string, (this: unknown, entry: NodeJS.ReadableStream, ...rest: unknown[]) => unknown>;
};

if (!WorksheetReader.prototype.__utf8) {
  WorksheetReader.prototype.__utf8 = true;
  const parse = WorksheetReader.prototype.parse;
  WorksheetReader.prototype.parse = function (this: { iterator: Chunks }) {
    this.iterator = decodeUtf8(this.iterator);
    return parse.call(this);
  };
  for (const method of ['_parseSharedStrings', '_parseStyles']) {
    const original = WorkbookReader.prototype[method]!;
    WorkbookReader.prototype[method] = function (this: unknown, entry, ...rest) {
      return original.call(this, entry.pipe(decodingStream()), ...rest);
    };
  }
}
