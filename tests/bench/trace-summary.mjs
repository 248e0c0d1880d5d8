#!/usr/bin/env node
// Where the page's main thread spent its time, from the traces that
// `node tests/bench/run.mjs --trace DIR` records (KIND-RUN.json, with the run's marks in
// KIND-RUN.marks.json). For each page: the load, from navigation start to the first
// question painted, and the steps, from each Next click to the next question painted.
// Each span's main-thread time is split by kind of work (the self time of every traced
// event, counted as the kind of its nearest ancestor that has one), and the rest of the
// span is idle: waiting for the network, a background thread or the next frame.
//
// Usage: node tests/bench/trace-summary.mjs [--tasks MS] DIR | FILE.json ...
//   --tasks MS   also list the load's top-level tasks of at least MS ms (the first
//                file of each page), with the events inside them, to see what one was
import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";

// The kinds of work, tried in order on an event's name.
const KINDS = [
  ["layout", /^(Layout|LocalFrameView::layout)$/],
  ["style", /^(UpdateLayoutTree|Document::updateStyle|Document::recalcStyle|Document::rebuildLayoutTree)$/],
  ["paint", /^(PrePaint|Paint|Layerize|Commit|LocalFrameView::Run(PrePaint|Paint)LifecyclePhase)$/],
  ["parse HTML", /^(HTMLDocumentParser::|ParseHTML$|Document::FinishedParsing$)/],
  ["parse CSS", /^(CSSParserImpl::parseStyleSheet|ParseAuthorStyleSheet)$/],
  ["compile wasm module", /^(v8\.wasm\.|wasm\.)/],
  // V8 compiles JavaScript functions, and wasm functions, on their first call.
  ["compile functions", /^(V8\.(Compile|Parse|CollectSourcePositions|OffThreadFinalization)|v8\.compile|FlushInstructionCache$)/],
  ["garbage collection", /^(V8\.GC|MinorGC|MajorGC|BlinkGC\.|V8\.Scavenge)/],
  ["run JS and wasm", /^(v8\.callFunction|v8\.evaluateModule|FunctionCall|EvaluateScript|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch)$/],
  ["request resources", /^(ResourceFetcher::requestResource|ResponseBodyLoader::)/],
  ["navigation", /^(DocumentLoader::CommitNavigation|Frame::Detach|Document::(shutdown|DispatchUnloadEvents|CancelParsing)|LocalWindowProxy::Initialize|V8\.DeserializeContext)$/],
];
// The rest ("other"): the tasks' own overhead and messages, and work traced by no
// event of its own.
const kindOf = (name) => KINDS.find(([, pattern]) => pattern.test(name))?.[0] ?? null;

function parseArgs(argv) {
  const args = { tasks: null, inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--tasks") args.tasks = Number(argv[++i]);
    else if (argv[i] === "-h" || argv[i] === "--help") {
      console.log("usage: node tests/bench/trace-summary.mjs [--tasks MS] DIR | FILE.json ...");
      process.exit(0);
    } else args.inputs.push(argv[i]);
  }
  if (args.inputs.length === 0 || (args.tasks !== null && !(args.tasks >= 0))) throw new Error("needs a folder or trace files (see --help)");
  return args;
}

async function traceFiles(inputs) {
  const files = [];
  for (const input of inputs) {
    if (input.endsWith(".json")) files.push(input);
    else files.push(...(await readdir(input)).filter((f) => f.endsWith(".json") && !f.endsWith(".marks.json")).map((f) => join(input, f)));
  }
  return files.sort();
}

/** The page's main thread: its complete events (B/E pairs joined), sorted, and time 0. */
function mainThread(events, path) {
  const starts = events.filter((e) => e.name === "navigationStart" && e.args?.data?.documentLoaderURL?.includes(path));
  const nav = starts.at(-1);
  if (!nav) throw new Error(`no navigation to ${path} in the trace`);
  const own = events.filter((e) => e.pid === nav.pid && e.tid === nav.tid);
  const complete = own.filter((e) => e.ph === "X" && e.dur > 0);
  const open = [];
  for (const e of own) {
    if (e.ph === "B") open.push(e);
    else if (e.ph === "E" && open.length) {
      const begin = open.pop();
      complete.push({ ...begin, ph: "X", dur: e.ts - begin.ts });
    }
  }
  complete.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Nest: each event's parent is the innermost earlier event that contains it.
  const stack = [];
  for (const e of complete) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    e.parent = stack.at(-1) ?? null;
    e.children = [];
    e.parent?.children.push(e);
    e.kind = kindOf(e.name) ?? e.parent?.kind ?? "other";
    stack.push(e);
  }
  return { events: complete, t0: nav.ts };
}

/** Milliseconds of main-thread work by kind between `from` and `to` (ms after navigation start). */
function breakdown({ events, t0 }, from, to) {
  const lo = t0 + from * 1000;
  const hi = t0 + to * 1000;
  const clip = (e) => Math.max(0, Math.min(e.ts + e.dur, hi) - Math.max(e.ts, lo));
  const byKind = {};
  let busy = 0;
  for (const e of events) {
    const inside = clip(e);
    if (inside === 0) continue;
    const self = inside - e.children.reduce((sum, child) => sum + clip(child), 0);
    byKind[e.kind] = (byKind[e.kind] ?? 0) + self / 1000;
    if (!e.parent) busy += inside / 1000;
  }
  return { span: to - from, busy, byKind };
}

function tasks({ events, t0 }, to, min) {
  const lines = [];
  const show = (e, depth) => {
    const data = e.args?.data ?? {};
    const detail = data.url ? ` ${data.url.replace(/^.*\//, "")}` : data.functionName ? ` ${data.functionName}` : "";
    lines.push(`${((e.ts - t0) / 1000).toFixed(1).padStart(9)} ${(e.dur / 1000).toFixed(1).padStart(7)}  ${"  ".repeat(depth)}${e.name}${detail}`);
    if (depth < 4) for (const child of e.children) if (child.dur >= 1000) show(child, depth + 1);
  };
  for (const e of events) if (!e.parent && e.ts >= t0 && e.ts <= t0 + to * 1000 && e.dur >= min * 1000) show(e, 0);
  return lines;
}

const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;

function table(title, rows) {
  const kinds = [...new Set(rows.flatMap((r) => Object.keys(r.byKind)))];
  const total = (k) => mean(rows.map((r) => r.byKind[k] ?? 0));
  kinds.sort((a, b) => total(b) - total(a));
  const out = [`${title}: ${rows.length} span(s), mean ms`];
  out.push(`  ${"span".padEnd(20)} ${mean(rows.map((r) => r.span)).toFixed(1).padStart(7)}`);
  out.push(`  ${"main thread busy".padEnd(20)} ${mean(rows.map((r) => r.busy)).toFixed(1).padStart(7)}`);
  for (const k of kinds) out.push(`    ${k.padEnd(18)} ${total(k).toFixed(1).padStart(7)}`);
  out.push(`  ${"idle".padEnd(20)} ${mean(rows.map((r) => r.span - r.busy)).toFixed(1).padStart(7)}`);
  return out.join("\n");
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const pages = new Map();
  for (const file of await traceFiles(args.inputs)) {
    const run = JSON.parse(await readFile(file.replace(/\.json$/, ".marks.json"), "utf8"));
    const trace = JSON.parse(await readFile(file, "utf8"));
    const thread = mainThread(trace.traceEvents ?? trace, run.path);
    const page = pages.get(run.kind) ?? { loads: [], steps: [], marks: [], first: null };
    pages.set(run.kind, page);
    const first = run.marks.firstQuestion;
    page.loads.push(breakdown(thread, 0, first));
    page.marks.push(run.marks);
    for (const step of run.steps.filter((s) => s.to !== "result")) page.steps.push(breakdown(thread, step.clickAt, step.paintAt));
    if (args.tasks !== null && page.first === null) page.first = { file: basename(file), lines: tasks(thread, first, args.tasks) };
  }
  for (const [kind, page] of pages) {
    console.log(`== ${kind}`);
    const names = [...new Set(page.marks.flatMap((m) => Object.keys(m)))].filter((n) => n !== "firstInput");
    const at = (n) => mean(page.marks.map((m) => m[n]).filter(Number.isFinite));
    console.log(`marks (mean ms after navigation start): ${names.map((n) => `${n} ${at(n).toFixed(0)}`).join(", ")}`);
    console.log(table("load, navigation start to first question painted", page.loads));
    if (page.steps.length) console.log(table("steps, Next click to next question painted", page.steps));
    if (page.first) console.log(`top-level tasks of the load of at least ${args.tasks} ms (${page.first.file}):\n${page.first.lines.join("\n")}`);
    console.log("");
  }
}

main().catch((error) => {
  console.error(`trace-summary: ${error.message}`);
  process.exit(1);
});
