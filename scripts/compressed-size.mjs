#!/usr/bin/env node
// A file's size raw, gzip (level 9) and brotli (quality 11, as a CDN would serve it): the one
// definition of "compressed size" for scripts/size-report.mjs.
// Usage as a command: node scripts/compressed-size.mjs FILE   (prints "raw brotli" in bytes)
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

/** The sizes of `data` (a Buffer): `{ raw, gzip, brotli }` in bytes. */
export const compressedSizes = (data) => ({
  raw: data.length,
  gzip: zlib.gzipSync(data, { level: 9 }).length,
  brotli: zlib.brotliCompressSync(data, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }).length,
});

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: node scripts/compressed-size.mjs FILE");
    process.exit(2);
  }
  const { raw, brotli } = compressedSizes(readFileSync(file));
  console.log(raw, brotli);
}
