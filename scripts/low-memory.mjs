#!/usr/bin/env node
// Checks what `wasm-opt --low-memory-unused` (scripts/build-bundle.sh) is promised:
// nothing in the first 1 KB of memory. Each active data segment of the wasm must start
// at 1024 or above (the linker puts the stack first, below the data, or else after it;
// either way the first 1 KB is reached only by a stack overflow). Fails (exit 1) when a
// segment starts lower, or its start is not a constant, so a change of the linker's
// layout stops the build instead of shipping wrongly folded addresses.
//
// Usage: node scripts/low-memory.mjs MODULE.wasm
import { readFileSync } from "node:fs";
import { sections, uleb } from "./wasm-layout.mjs";

const LOW = 1024;
const path = process.argv[2];
const bytes = readFileSync(path);
const fail = (message) => {
  console.error(`low-memory: ${path}: ${message}`);
  process.exit(1);
};
/** The signed 32-bit LEB128 number at p (an i32.const): [value, position after it]. */
const sleb32 = (p) => {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[p++];
    value |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  return [shift < 32 && byte & 0x40 ? value | (-1 << shift) : value, p];
};
let list;
try {
  list = sections(bytes);
} catch (error) {
  fail(error.message);
}
for (const data of list.filter((section) => section.id === 11)) {
  let [count, p] = uleb(bytes, data.start);
  let flags;
  let length;
  let start;
  for (let i = 0; i < count; i++) {
    [flags, p] = uleb(bytes, p);
    if (flags !== 1) {
      // Active: memory index (flags 2), then the start, a lone i32.const.
      if (flags === 2) [, p] = uleb(bytes, p);
      if (bytes[p++] !== 0x41) fail(`data segment ${i} does not start at a constant`);
      [start, p] = sleb32(p);
      if (bytes[p++] !== 0x0b) fail(`data segment ${i}'s start is not a lone constant`);
      if (start >>> 0 < LOW) fail(`data segment ${i} starts at ${start >>> 0}, inside the first ${LOW} bytes`);
    }
    [length, p] = uleb(bytes, p);
    p += length;
  }
  if (p !== data.end) fail("the data section did not parse to its end");
}
