#!/usr/bin/env node
// Size report for the embeddable bundle: what a browser downloads before the first
// question is shown. Today that is every file in dist/ except the example pages
// (*.html): levels-quiz.js and levels-quiz_bg.wasm (the CSS and the default content
// are compiled into the wasm). Whatever else the build puts in dist/ is counted too.
//
// For each file: raw bytes, gzip (level 9) and brotli (quality 11, the maximum),
// computed with node's zlib, so the figures are deterministic for a given build.
//
// Budget: the gzip total must be at most 90 KB, with KB = 1000 bytes (strict:
// 90,000 bytes, not 92,160). Exit code 1 when over budget, 2 when dist/ is missing
// or empty, 0 otherwise.
//
// Usage: node scripts/size-report.mjs [--json] [--dir DIR] [--budget BYTES]
import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export const BUDGET_GZIP_BYTES = 90 * 1000;

const repo = resolve(fileURLToPath(new URL(".", import.meta.url)), "..");

function parseArgs(argv) {
  const args = { json: false, dir: join(repo, "dist"), budget: BUDGET_GZIP_BYTES };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--json") args.json = true;
    else if (arg === "--dir") args.dir = resolve(argv[++i] ?? "");
    else if (arg === "--budget") args.budget = Number(argv[++i]);
    else if (arg === "-h" || arg === "--help") args.help = true;
    else throw new Error(`unknown argument: ${arg}`);
  }
  if (!Number.isFinite(args.budget) || args.budget <= 0) throw new Error("--budget needs a positive number of bytes");
  return args;
}

/** Raw, gzip -9 and brotli q11 sizes of one buffer. */
export function sizes(body) {
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }).length,
  };
}

/** The report for a folder: per file sizes, totals and the verdict. */
export async function report(dir, budget = BUDGET_GZIP_BYTES) {
  const names = (await readdir(dir)).filter((name) => !name.endsWith(".html")).sort();
  const files = [];
  for (const name of names) {
    const path = join(dir, name);
    if (!(await stat(path)).isFile()) continue;
    files.push({ file: name, ...sizes(await readFile(path)) });
  }
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) for (const k of Object.keys(total)) total[k] += f[k];
  return {
    dir,
    files,
    total,
    budget: { metric: "gzip", bytes: budget, kb: "1 KB = 1000 bytes" },
    over_by: Math.max(0, total.gzip - budget),
    within_budget: files.length > 0 && total.gzip <= budget,
  };
}

const fmt = (n) => n.toLocaleString("en-US");
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

function table(r) {
  const rows = [["file", "raw", "gzip -9", "brotli q11"]];
  for (const f of r.files) rows.push([f.file, fmt(f.raw), fmt(f.gzip), fmt(f.brotli)]);
  rows.push(["total", fmt(r.total.raw), fmt(r.total.gzip), fmt(r.total.brotli)]);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ");
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  const out = [line(rows[0]), rule, ...rows.slice(1, -1).map(line), rule, line(rows.at(-1))];
  const verdict = r.within_budget
    ? `within budget: gzip total ${kb(r.total.gzip)} <= ${kb(r.budget.bytes)} (${fmt(r.budget.bytes - r.total.gzip)} bytes to spare)`
    : `OVER BUDGET: gzip total ${kb(r.total.gzip)} > ${kb(r.budget.bytes)} by ${fmt(r.over_by)} bytes`;
  return [
    `Bundle size (${r.dir}; bytes; *.html excluded; 1 KB = 1000 bytes)`,
    "",
    ...out,
    "",
    `budget: everything fetched before the first question, gzip <= ${fmt(r.budget.bytes)} bytes`,
    verdict,
  ].join("\n");
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`size-report: ${error.message}`);
    process.exit(2);
  }
  if (args.help) {
    console.log("usage: node scripts/size-report.mjs [--json] [--dir DIR] [--budget BYTES]");
    return;
  }
  let r;
  try {
    r = await report(args.dir, args.budget);
  } catch (error) {
    console.error(`size-report: cannot read ${args.dir}: ${error.message} (run \`make dist\` first)`);
    process.exit(2);
  }
  if (r.files.length === 0) {
    console.error(`size-report: ${args.dir} has no bundle files (run \`make dist\` first)`);
    process.exit(2);
  }
  console.log(args.json ? JSON.stringify(r, null, 2) : table(r));
  process.exitCode = r.within_budget ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
