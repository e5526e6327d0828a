import { deflateRawSync, constants as zlibConstants } from 'node:zlib';
import { zipSync } from 'fflate';

/** Hostile zip containers for upload tests, built in code (a few hundred kilobytes that inflate to hundreds of MB). */

const MB = 1024 * 1024;

/**
 * A raw deflate stream of `mb` megabytes of zeros, built from one byte-aligned 1 MB block repeated (each copy starts
 * with a literal and ends with a sync flush, so copies concatenate) and an empty final block.
 */
export function zeroDeflate(mb: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(MB), { level: 9, finishFlush: zlibConstants.Z_SYNC_FLUSH });
  const parts: Buffer[] = [];
  for (let i = 0; i < mb; i++) parts.push(block);
  parts.push(Buffer.from([0x03, 0x00]));
  return Buffer.concat(parts);
}

type RawEntry = { name: string; data: Buffer; method: 0 | 8; size: number; crc?: number };

/** A zip of entries given as already-compressed data, with the sizes the headers declare (they may lie). */
export function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc ?? 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc ?? 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const xlsxSkeleton = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
  'xl/workbook.xml':
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
};

/** Zip entries of small real parts (deflated, honest sizes). */
function honest(parts: Record<string, string>): RawEntry[] {
  return Object.entries(parts).map(([name, text]) => {
    const data = Buffer.from(text, 'utf8');
    return { name, data: deflateRawSync(data), method: 8 as const, size: data.length };
  });
}

/**
 * A document whose main part (`xl/worksheets/sheet1.xml` or `word/document.xml`) inflates to `mb` MB of zeros.
 * `lie`: the headers declare 4 KB instead of the real size.
 */
export function bomb(kind: 'xlsx' | 'docx', mb: number, lie: boolean): Buffer {
  const skeleton =
    kind === 'xlsx'
      ? xlsxSkeleton
      : {
          '[Content_Types].xml': xlsxSkeleton['[Content_Types].xml'],
          '_rels/.rels':
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        };
  const main = kind === 'xlsx' ? 'xl/worksheets/sheet1.xml' : 'word/document.xml';
  return rawZip([...honest(skeleton), { name: main, data: zeroDeflate(mb), method: 8, size: lie ? 4096 : mb * MB }]);
}

/** A small honest zip (for checking that the bounded reader returns real content). */
export const smallZip = (files: Record<string, string>) =>
  Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, new TextEncoder().encode(v)]))));
