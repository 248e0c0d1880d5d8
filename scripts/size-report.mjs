#!/usr/bin/env node
// Size report for the embeddable bundle: what a browser downloads before the first
// question is shown. Every file in dist/ the widget can fetch is listed (not the
// pages, package.json, README.md, LICENSE, the framed mode's host helper or the preview page's files):
// levels-quiz.js and levels-quiz_bg.wasm (the CSS is packed into the wasm), the
// language files levels-quiz.<lang>.bin (each language's quiz) and
// levels-quiz.<lang>.result.bin (its result texts), the content checker
// levels-quiz-check.js + levels-quiz-check_bg.wasm, and levels-quiz-result.wasm (the
// result's code: scoring, the result screen and the lead form), which the widget fetches
// only once the first question is on screen, with the language's result texts: they are
// reported (the whole-run path) but not budgeted.
//
// A visitor fetches one language file, the checker only on a page whose marketer gave
// the element a content file of their own. So the totals are per path: each language's
// path (levels-quiz.js, the wasm and that language's file; "default" is the two alone,
// for a bundle with no language files) and the own-content path (the two plus the
// checker, plus the marketer's file, which is not ours to count). The budget applies
// to the largest language path; the own-content path is reported.
//
// For each file: raw bytes, gzip (level 9) and brotli (quality 11, the maximum),
// computed with node's zlib, so the figures are deterministic for a given build.
//
// Target: the gzip total at most 104 KB (0.25x SurveyJS's 416 KB), with KB = 1000
// bytes (strict: 104,000 bytes, not 106,496). The budget this run enforces is the target unless --budget gives
// another: `make test` passes the bundle's current ceiling (Makefile SIZE_CEILING),
// so the bundle cannot grow while it is still above the target, and the report says
// how far from the target it is. Exit code 1 when over budget, 2 when dist/ is
// missing or empty, 0 otherwise.
//
// Usage: node scripts/size-report.mjs [--json] [--dir DIR] [--budget BYTES]
import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export const BUDGET_GZIP_BYTES = 104 * 1000;
/** The size target (gzip bytes, every language path). */
export const TARGET_GZIP_BYTES = BUDGET_GZIP_BYTES;

const repo = resolve(fileURLToPath(new URL(".", import.meta.url)), "..");

function parseArgs(argv) {
  const args = { json: false, dir: join(repo, "dist"), budget: BUDGET_GZIP_BYTES, wholeRun: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--json") args.json = true;
    else if (arg === "--dir") args.dir = resolve(argv[++i] ?? "");
    else if (arg === "--budget") args.budget = Number(argv[++i]);
    else if (arg === "--whole-run") args.wholeRun = Number(argv[++i]);
    else if (arg === "-h" || arg === "--help") args.help = true;
    else throw new Error(`unknown argument: ${arg}`);
  }
  if (!Number.isFinite(args.budget) || args.budget <= 0) throw new Error("--budget needs a positive number of bytes");
  if (args.wholeRun !== null && (!Number.isFinite(args.wholeRun) || args.wholeRun <= 0)) {
    throw new Error("--whole-run needs a positive number of bytes");
  }
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

/** levels-quiz.zh-CN.bin -> "zh-CN": a content file for one language. */
export function languageOf(name) {
  return name.match(/^levels-quiz\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\.bin$/)?.[1] ?? null;
}

/** What is in dist/ for the package and for people, never fetched by the widget. */
export const isPackaging = (name) => name.endsWith(".html") || ["package.json", "README.md", "LICENSE"].includes(name);

/** The framed mode's page script and host helper, fetched only where the widget is framed. */
export const isFrameHelper = (name) => name === "levels-quiz-frame.js" || name === "frame.js";

/** The content preview page's script, stylesheet and example, fetched only by that page (for authors). */
export const isPreview = (name) =>
  ["preview.js", "preview.css", "levels-quiz.en.json"].includes(name) || name.startsWith("levels-quiz-preview");

/** The content checker's files, fetched only for a marketer's own content. */
export const isChecker = (name) => name.startsWith("levels-quiz-check");

/** The result's code (src/chunk.rs), fetched once the first question shows. */
export const isResultCode = (name) => name === "levels-quiz-result.wasm";

/** levels-quiz.zh-CN.result.bin -> "zh-CN": a language's result texts, fetched with the code above. */
export function resultTextsOf(name) {
  return name.match(/^levels-quiz\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\.result\.bin$/)?.[1] ?? null;
}

/** When a visitor's browser fetches a file, in words (the reports' "fetched" column). */
const fetched = (f) =>
  f.language
    ? `only for ${f.language}`
    : f.resultTexts
      ? `only for ${f.resultTexts}, after the first question`
      : f.checker
        ? "only for own content"
        : f.resultCode
          ? "after the first question"
          : "always";

const add = (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const ZERO = { raw: 0, gzip: 0, brotli: 0 };

/** The report for a folder: per file sizes, totals per path and the verdict. */
export async function report(dir, budget = BUDGET_GZIP_BYTES) {
  const names = (await readdir(dir)).filter((name) => !isPackaging(name)).sort();
  const entries = [];
  for (const name of names) {
    const path = join(dir, name);
    if (!(await stat(path)).isFile()) continue;
    entries.push({ file: name, body: await readFile(path) });
  }
  return { dir, ...reportFiles(entries, budget) };
}

/** The same for files already read: [{ file, body }] (the .html ones are skipped). */
export function reportFiles(entries, budget = BUDGET_GZIP_BYTES) {
  const files = entries
    .filter((e) => !isPackaging(e.file) && !isFrameHelper(e.file) && !isPreview(e.file))
    .sort((a, b) => (a.file < b.file ? -1 : 1))
    .map((e) => ({
      file: e.file,
      language: languageOf(e.file),
      resultTexts: resultTextsOf(e.file),
      checker: isChecker(e.file),
      resultCode: isResultCode(e.file),
      ...sizes(e.body),
    }))
    .map((f) => ({ ...f, fetched: fetched(f) }));
  const pick = ({ raw, gzip, brotli }) => ({ raw, gzip, brotli });
  const always = files.filter((f) => !f.language && !f.resultTexts && !f.checker && !f.resultCode);
  const base = always.reduce((t, f) => add(t, pick(f)), ZERO);
  const baseFiles = always.map((f) => f.file);
  const languages = files.filter((f) => f.language);
  const paths =
    languages.length === 0
      ? [{ path: "default", language: null, files: baseFiles, ...base }]
      : languages.map((f) => ({ path: f.language, language: f.language, files: [...baseFiles, f.file], ...add(base, pick(f)) }));
  const worst = paths.reduce((a, b) => (b.gzip > a.gzip ? b : a));
  // The whole run: a language's path, then the result's code and that language's
  // texts; the largest of them.
  if (files.some((f) => f.resultCode)) {
    const runs = paths.map((p) => {
      const after = files.filter((f) => f.resultCode || (f.resultTexts !== null && f.resultTexts === p.language));
      return { language: p.language, files: [...p.files, ...after.map((f) => f.file)], ...after.reduce((t, f) => add(t, pick(f)), pick(p)) };
    });
    const largest = runs.reduce((a, b) => (b.gzip > a.gzip ? b : a));
    paths.push({ path: "whole-run", budgeted: false, ...largest });
  }
  const checker = files.filter((f) => f.checker);
  if (checker.length > 0) {
    const own = checker.reduce((t, f) => add(t, pick(f)), base);
    paths.push({ path: "own-content", budgeted: false, files: [...baseFiles, ...checker.map((f) => f.file)], ...own });
  }
  return {
    files,
    paths,
    total: pick(worst),
    total_path: worst.path,
    budget: { metric: "gzip", bytes: budget, kb: "1 KB = 1000 bytes", applies_to: "the largest language path" },
    over_by: Math.max(0, worst.gzip - budget),
    within_budget: files.length > 0 && worst.gzip <= budget,
  };
}

const fmt = (n) => n.toLocaleString("en-US");
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

function table(r) {
  const rows = [["file", "raw", "gzip -9", "brotli q11", "fetched"]];
  for (const f of r.files) rows.push([f.file, fmt(f.raw), fmt(f.gzip), fmt(f.brotli), f.fetched]);
  const totals = r.paths.map((p) => [
    p.path === "default" ? "total, default path" : `total, ${p.path} path`,
    fmt(p.raw),
    fmt(p.gzip),
    fmt(p.brotli),
    p.path === "whole-run"
      ? `not budgeted (${p.language ?? "default"} + what loads after the first question)`
      : p.budgeted === false
        ? "not budgeted (+ the marketer's file)"
        : p.path === r.total_path && r.paths.length > 1 ? "largest" : "",
  ]);
  const all = [...rows, ...totals];
  const widths = rows[0].map((_, c) => Math.max(...all.map((row) => row[c].length)));
  const line = (row) =>
    row
      .map((cell, c) => (c === 0 || c === 4 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  const out = [line(rows[0]), rule, ...rows.slice(1).map(line), rule, ...totals.map(line)];
  const verdict = r.within_budget
    ? `within budget: gzip ${kb(r.total.gzip)} <= ${kb(r.budget.bytes)} (${fmt(r.budget.bytes - r.total.gzip)} bytes to spare)`
    : `OVER BUDGET: gzip ${kb(r.total.gzip)} > ${kb(r.budget.bytes)} by ${fmt(r.over_by)} bytes (${r.total_path} path)`;
  return [
    `Bundle size (${r.dir}; bytes; pages and package files excluded; 1 KB = 1000 bytes)`,
    "",
    ...out,
    "",
    `budget: everything fetched before the first question, gzip <= ${fmt(r.budget.bytes)} bytes on every language path`,
    verdict,
    ...(r.budget.bytes === TARGET_GZIP_BYTES
      ? []
      : [
          r.total.gzip <= TARGET_GZIP_BYTES
            ? `target ${kb(TARGET_GZIP_BYTES)}: met`
            : `target ${kb(TARGET_GZIP_BYTES)}: not met yet, ${fmt(r.total.gzip - TARGET_GZIP_BYTES)} bytes over`,
        ]),
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
    console.log("usage: node scripts/size-report.mjs [--json] [--dir DIR] [--budget BYTES] [--whole-run BYTES]");
    console.log("  --whole-run: also fail when the whole run (the largest path + what loads after the first question) is over BYTES gzip");
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
  let ok = r.within_budget;
  const whole = r.paths.find((p) => p.path === "whole-run");
  if (args.wholeRun !== null && whole) {
    const over = whole.gzip > args.wholeRun;
    if (!args.json) {
      console.log(
        over
          ? `WHOLE RUN OVER CEILING: gzip ${kb(whole.gzip)} > ${kb(args.wholeRun)} by ${fmt(whole.gzip - args.wholeRun)} bytes`
          : `whole run within its ceiling: gzip ${kb(whole.gzip)} <= ${kb(args.wholeRun)}`,
      );
    }
    ok &&= !over;
  }
  process.exitCode = ok ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
