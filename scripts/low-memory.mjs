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

const LOW = 1024;
const path = process.argv[2];
const bytes = readFileSync(path);
const fail = (message) => {
  console.error(`low-memory: ${path}: ${message}`);
  process.exit(1);
};
let p = 8;
const uleb = () => {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = bytes[p++];
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return value;
  }
};
const sleb32 = () => {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[p++];
    value |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  return shift < 32 && byte & 0x40 ? value | (-1 << shift) : value;
};
while (p < bytes.length) {
  const id = bytes[p++];
  const size = uleb();
  const end = p + size;
  if (id === 11) {
    const count = uleb();
    for (let i = 0; i < count; i++) {
      const flags = uleb();
      if (flags === 1) {
        const length = uleb(); // passive: no address
        p += length;
        continue;
      }
      if (flags === 2) uleb(); // memory index
      if (bytes[p++] !== 0x41) fail(`data segment ${i} does not start at a constant`);
      const start = sleb32() >>> 0;
      if (bytes[p++] !== 0x0b) fail(`data segment ${i}'s start is not a lone constant`);
      if (start < LOW) fail(`data segment ${i} starts at ${start}, inside the first ${LOW} bytes`);
      const length = uleb();
      p += length;
    }
    if (p !== end) fail("the data section did not parse to its end");
  }
  p = end;
}
