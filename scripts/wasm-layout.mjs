// Reading a wasm file's layout, for the build's scripts (short-names.mjs,
// low-memory.mjs).

/** The wasm's sections: [{ id, start, end }] (payload bounds), after the 8-byte header. */
export function sections(bytes) {
  const list = [];
  let p = 8;
  while (p < bytes.length) {
    const id = bytes[p++];
    const [size, next] = uleb(bytes, p);
    list.push({ id, start: next, end: next + size, from: p - 1 });
    p = next + size;
  }
  if (p !== bytes.length) throw new Error("the wasm file's sections do not add up");
  return list;
}

/** The unsigned LEB128 number at p: [value, position after it]. */
export function uleb(bytes, p) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[p++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if ((byte & 0x80) === 0) return [value, p];
  }
}
