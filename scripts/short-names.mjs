#!/usr/bin/env node
// Shortens the names wasm-bindgen gives the links between a wasm file and its glue.
//
// wasm-bindgen names each import `__wbg_<method>_<16 hex digits>` and each closure
// trampoline export `wasm_bindgen_<hash>___convert__closures_..._<hash>_...`. Those
// names appear twice, in the wasm's import and export sections and in the glue, and
// their hex digits (fixed per build, but with no pattern) do not compress. This renames every import and export whose
// name carries such a hash, in both files:
// - by default to its readable part (`__wbg_createElement_de4a31ed2fb252be` becomes
//   `createElement`; the trampolines `closure0`, `closure1`, ...): debug builds, whose
//   glue a developer reads;
// - with `--minimal` to `w0`, `w1`, ..., and the glue's import module
//   (`./<name>_bg.js`, named once per import in the wasm) to `w`: release builds.
// For the widget that is 4.9 KB gzip of the first download: script 1.9 KB, wasm 3.0 KB
// (`node scripts/size-report.mjs` before and after; 3.8 KB of it with the readable
// names alone). With `--minimal`, the exports without a hash that only the glue uses
// (`wasm.__wbindgen_malloc` and the like) get short names too (0.2 KB more). Other
// names without a hash (`mount`, `memory`, the `__wasm_split_*` links the deferred
// chunk uses) stay as they are, so nothing else that names them changes.
//
// Usage: node scripts/short-names.mjs [--minimal] GLUE.js MODULE_bg.wasm [OTHER.js ...]
// Rewrites GLUE.js and the wasm in place. OTHER files are the scripts bundled with
// the glue into one module: no new name may be an identifier there, and none of them
// may name an old one (they are not rewritten). Fails (exit 1) when a renamed name is
// not found in the glue, an OTHER file names it, or the wasm is not laid out as
// expected: the build must not ship a pair whose names no longer match.
import { readFileSync, writeFileSync } from "node:fs";
import { sections as layout, uleb } from "./wasm-layout.mjs";

const HASH = /[0-9a-f]{16}/;
const IDENTIFIER = /[A-Za-z_$][\w$]*/g;
/** `name` as a whole JavaScript identifier (not part of a longer one). */
const whole = (name) => new RegExp(`(?<![\\w$])${name.replace(/\$/g, "\\$")}(?![\\w$])`, "g");

function fail(message) {
  console.error(`short-names: ${message}`);
  process.exit(1);
}

function encodeUleb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

/** Copies a LEB128 number at p into out; returns the position after it. */
function copyUleb(bytes, p, out) {
  const [, next] = uleb(bytes, p);
  for (let i = p; i < next; i++) out.push(bytes[i]);
  return next;
}

function readName(bytes, p) {
  const [length, start] = uleb(bytes, p);
  return [new TextDecoder().decode(bytes.subarray(start, start + length)), start + length];
}

function pushName(out, name) {
  const encoded = new TextEncoder().encode(name);
  out.push(...encodeUleb(encoded.length), ...encoded);
}

/**
 * Rewrites the import section (id 2) or export section (id 7): each name becomes
 * `rename(name, module)` (module: null for exports), each import module
 * `renameModule(module)`.
 */
function rewriteSection(bytes, section, rename, renameModule = (module) => module) {
  const out = [];
  let p = section.start;
  const [count, afterCount] = uleb(bytes, p);
  out.push(...encodeUleb(count));
  p = afterCount;
  for (let i = 0; i < count; i++) {
    if (section.id === 2) {
      let module;
      [module, p] = readName(bytes, p);
      pushName(out, renameModule(module));
      let field;
      [field, p] = readName(bytes, p);
      pushName(out, rename(field, module));
      const kind = bytes[p++];
      out.push(kind);
      if (kind === 0) {
        p = copyUleb(bytes, p, out); // type index
      } else if (kind === 1) {
        out.push(bytes[p++]); // element type
        const [flags] = uleb(bytes, p);
        p = copyUleb(bytes, p, out);
        p = copyUleb(bytes, p, out);
        if (flags & 1) p = copyUleb(bytes, p, out);
      } else if (kind === 2) {
        const [flags] = uleb(bytes, p);
        p = copyUleb(bytes, p, out);
        p = copyUleb(bytes, p, out);
        if (flags & 1) p = copyUleb(bytes, p, out);
      } else if (kind === 3) {
        out.push(bytes[p++], bytes[p++]); // value type, mutability
      } else if (kind === 4) {
        out.push(bytes[p++]); // tag attribute
        p = copyUleb(bytes, p, out);
      } else {
        fail(`import kind ${kind} is not known`);
      }
    } else {
      let field;
      [field, p] = readName(bytes, p);
      pushName(out, rename(field, null));
      out.push(bytes[p++]); // kind
      p = copyUleb(bytes, p, out); // index
    }
  }
  if (p !== section.end) fail(`section ${section.id} did not parse to its end`);
  return Uint8Array.from([section.id, ...encodeUleb(out.length), ...out]);
}

/**
 * The short name for each hashed name, unique among the module's names. An export's
 * also names a function of the glue (wasm-bindgen wraps each closure trampoline in
 * one), so it must not be an identifier anywhere in `scripts` either (the glue and
 * what is bundled with it); an import's only names a key of the imports object.
 */
function plan(names, exported, minimal, scripts, glueOnly) {
  const taken = new Set(names.filter((name) => !HASH.test(name) && !glueOnly.has(name)));
  const words = new Set(scripts.flatMap((script) => script.match(IDENTIFIER) ?? []));
  const renames = new Map();
  let closures = 0;
  for (const name of names) {
    if ((!HASH.test(name) && !glueOnly.has(name)) || renames.has(name)) continue;
    const free = (short) => !taken.has(short) && !(exported.has(name) && words.has(short));
    let base;
    if (minimal) base = `w${renames.size.toString(36)}`;
    else if (name.includes("closures")) base = `closure${closures++}`;
    else base = name.replace(/^__wbg_/, "").replace(/_?[0-9a-f]{16}/g, "") || "import";
    let short = base;
    for (let n = 2; !free(short); n++) short = `${base}${n}`;
    taken.add(short);
    renames.set(name, short);
  }
  return renames;
}

const args = process.argv.slice(2);
const minimal = args[0] === "--minimal";
const [gluePath, wasmPath, ...otherPaths] = minimal ? args.slice(1) : args;
if (!gluePath || !wasmPath) fail("usage: node scripts/short-names.mjs [--minimal] GLUE.js MODULE_bg.wasm [OTHER.js ...]");
const others = otherPaths.map((path) => [path, readFileSync(path, "utf8")]);
const bytes = new Uint8Array(readFileSync(wasmPath));
let list;
try {
  list = layout(bytes);
} catch (error) {
  fail(error.message);
}
const importSection = list.find((s) => s.id === 2);
const exportSection = list.find((s) => s.id === 7);

// Collect the names first: imports (from any module) and exports.
const names = [];
const exported = new Set();
const modules = new Set();
const collect = (section) => {
  if (!section) return;
  rewriteSection(bytes, section, (name, module) => {
    names.push(name);
    if (module === null) exported.add(name);
    else modules.add(module);
    return name;
  });
};
collect(importSection);
collect(exportSection);
let glue = readFileSync(gluePath, "utf8");
// Release builds also shorten the exports without a hash that only the glue uses, as
// `wasm.<name>` (`__wbindgen_malloc`, named 14 times, `__wbindgen_realloc`, the
// `Widget` methods, ...: 0.2 KB gzip). An export named anywhere else in the glue (the
// JavaScript function `mount` wraps the export `mount`), or in an OTHER file (the chunk
// loader links `memory`, the function table and the `__wasm_split_*` exports), keeps
// its name.
const member = (name) => new RegExp(`(?<![\\w$])wasm\\.${name.replace(/\$/g, "\\$")}(?![\\w$])`, "g");
const count = (text, pattern) => text.match(pattern)?.length ?? 0;
const glueOnly = new Set(
  minimal
    ? [...exported].filter(
        (name) =>
          !HASH.test(name) &&
          count(glue, member(name)) > 0 &&
          count(glue, member(name)) === count(glue, whole(name)) &&
          others.every(([, text]) => !whole(name).test(text)),
      )
    : [],
);
const renames = plan(names, exported, minimal, [glue, ...others.map(([, text]) => text)], glueOnly);
for (const [path, text] of others) {
  for (const from of renames.keys()) if (whole(from).test(text)) fail(`${path} names ${from}, which is renamed`);
}
const replaceAll = (pattern, to, what) => {
  const found = glue.match(pattern)?.length ?? 0;
  if (found === 0) fail(`${what} is in the wasm but not in ${gluePath}`);
  glue = glue.replace(pattern, to);
};
for (const [from, to] of renames) {
  if (glueOnly.has(from)) replaceAll(member(from), `wasm.${to}`, from);
  else replaceAll(whole(from), to, from);
}
// The glue's own import module, a key of its imports object (quoted, exactly once).
const moduleRenames = new Map();
if (minimal) {
  const own = [...modules].filter((module) => /^\.\/[\w-]+_bg\.js$/.test(module));
  if (own.length !== 1) fail(`expected one ./<name>_bg.js import module, found: ${[...modules].join(", ")}`);
  const quoted = new RegExp(`(["'])${own[0].replace(/[.]/g, "\\.")}\\1`, "g");
  if ((glue.match(quoted)?.length ?? 0) !== 1) fail(`${own[0]} is not named exactly once in ${gluePath}`);
  glue = glue.replace(quoted, '"w"');
  moduleRenames.set(own[0], "w");
}

const rename = (name) => renames.get(name) ?? name;
const renameModule = (module) => moduleRenames.get(module) ?? module;
const parts = [bytes.subarray(0, 8)];
for (const section of list) {
  if (section === importSection || section === exportSection) {
    parts.push(rewriteSection(bytes, section, rename, renameModule));
  } else {
    parts.push(bytes.subarray(section.from, section.end));
  }
}
writeFileSync(wasmPath, Buffer.concat(parts));
writeFileSync(gluePath, glue);
