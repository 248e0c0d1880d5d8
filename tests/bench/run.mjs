#!/usr/bin/env node
// Load and interaction benchmark: our widget (dist/) against the same quiz built with
// SurveyJS (survey-core + survey-js-ui, generated from content/en.json), in headless
// Chromium with 4x CPU throttling, a fresh browser context (cold cache) per run, the
// pages taking turns. A third page, the floor, has our question markup and stylesheet
// swapped by plain DOM calls: what the browser itself takes per click, which no widget
// can beat. Prints medians, ours / SurveyJS ratios and the targets (each a ratio of two
// figures of the same run), and writes docs/benchmarks.md.
// What exactly is measured is in that document and in probe.js.
//
// Usage: node tests/bench/run.mjs [--runs N] [--warmup N] [--throttle RATE]
//                                 [--doc PATH | --no-doc] [--json PATH] [--dist DIR]
//                                 [--trace DIR]
// --trace records a Chrome trace of every run into DIR (KIND-RUN.json, with the run's
// marks beside it in KIND-RUN.marks.json) for tests/bench/trace-summary.mjs, which
// says where the main thread's time went. Tracing slows the pages, so a traced run
// writes no docs/benchmarks.md.
// Needs `make dist` first (or --dist: another folder holding the bundle), and the npm
// packages (npm ci).
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { availableParallelism, loadavg, release } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer, repo } from "./server.mjs";
import { reportFiles } from "../../scripts/size-report.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));

// ---- options -------------------------------------------------------------------------

function parseArgs(argv) {
  const args = { runs: 15, warmup: 1, throttle: 4, doc: join(repo, "docs/benchmarks.md"), json: null, dist: join(repo, "dist"), trace: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === "--runs") args.runs = Number(value());
    else if (arg === "--warmup") args.warmup = Number(value());
    else if (arg === "--throttle") args.throttle = Number(value());
    else if (arg === "--doc") args.doc = resolve(value());
    else if (arg === "--no-doc") args.doc = null;
    else if (arg === "--dist") args.dist = resolve(value());
    else if (arg === "--json") args.json = resolve(value());
    else if (arg === "--trace") args.trace = resolve(value());
    else if (arg === "-h" || arg === "--help") {
      console.log(
        "usage: node tests/bench/run.mjs [--runs N] [--warmup N] [--throttle RATE] [--doc PATH | --no-doc] [--json PATH] [--dist DIR] [--trace DIR]",
      );
      process.exit(0);
    } else throw new Error(`unknown argument: ${arg}`);
  }
  for (const key of ["runs", "warmup", "throttle"]) {
    if (!Number.isInteger(args[key]) || args[key] < (key === "warmup" ? 0 : 1)) throw new Error(`--${key} needs a whole number`);
  }
  // Traced times are not the benchmark's: they must not replace its document.
  if (args.trace) args.doc = null;
  return args;
}

// ---- the two pages -------------------------------------------------------------------

const VIEWPORT = { width: 1280, height: 900 };
// Pauses that keep one measurement from overlapping the next: after the first question
// is painted, after an option is chosen, and after each step (our widget's screens
// fade in over 220 ms, SurveyJS animates its page changes).
const SETTLE_AFTER_LOAD_MS = 500;
const SETTLE_AFTER_CHOICE_MS = 100;
const SETTLE_AFTER_STEP_MS = 250;
const STEP_TIMEOUT_MS = 30_000;
const POLL_MS = 50;

const PAGES = {
  ours: { label: "levels-quiz", path: "/pages/ours.html" },
  // The same embed with intro="off": the widget opens on question 1, as the floor does.
  introOff: { label: "intro off", path: "/pages/ours-intro-off.html" },
  surveyjs: { label: "SurveyJS", path: "/pages/surveyjs.html" },
  floor: { label: "floor", path: "/pages/floor.html" },
};
// The pages whose downloads are listed (the floor's load is a bound, shown beside ours,
// not a widget's), and those whose layout shifts are.
const LOADED = ["ours", "surveyjs"];
const SHIFTED = ["ours", "introOff", "surveyjs"];

// ---- statistics ----------------------------------------------------------------------

function quantile(values, q) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  // Nearest rank: the smallest value with at least q of the samples at or below it.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
const median = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// ---- one run -------------------------------------------------------------------------

// What a trace records: the main thread's tasks (devtools.timeline), V8's compiling and
// running of JavaScript and wasm, and the page's user timing (navigationStart).
const TRACE_CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "v8",
  "v8.execute",
  "disabled-by-default-v8.compile",
  "blink",
  "blink.user_timing",
  "loading",
  "toplevel",
];

async function runOnce(browser, origin, kind, { throttle, probe, content, trace }) {
  const spec = PAGES[kind];
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  // Nothing leaves localhost (SurveyJS's default stylesheet would fetch fonts).
  const offsite = [];
  await context.route((url) => !url.href.startsWith(origin) && !url.href.startsWith("data:"), (route) => {
    offsite.push(route.request().url());
    return route.abort();
  });

  const cdp = await page.context().newCDPSession(page);
  const requests = new Map();
  cdp.on("Network.requestWillBeSent", (e) => requests.set(e.requestId, { url: e.request.url, bytes: 0, done: false }));
  cdp.on("Network.loadingFinished", (e) => {
    const request = requests.get(e.requestId);
    if (request) Object.assign(request, { bytes: e.encodedDataLength, done: true });
  });
  await cdp.send("Network.enable");
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
  await page.addInitScript({ content: probe });
  let tracing = false;
  if (trace) {
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    tracing = true;
  }

  try {
    await page.goto(origin + spec.path, { waitUntil: "commit" });
    for (const deadline = Date.now() + 60_000; !(await page.evaluate(() => window.__bench?.marks.firstQuestion !== undefined)); ) {
      if (Date.now() > deadline) throw new Error("the first question did not appear within 60 s");
      await page.waitForTimeout(POLL_MS);
    }
    await page.waitForTimeout(SETTLE_AFTER_LOAD_MS);
    const load = await page.evaluate(() => {
      const b = window.__bench;
      const nav = performance.getEntriesByType("navigation")[0];
      return {
        marks: { ...b.marks },
        resources: [
          { name: nav.name, responseEnd: nav.responseEnd, encodedBodySize: nav.encodedBodySize },
          ...performance.getEntriesByType("resource").map((e) => ({
            name: e.name,
            responseEnd: e.responseEnd,
            encodedBodySize: e.encodedBodySize,
          })),
        ],
      };
    });
    // Bytes on the wire (headers + encoded body, as the DevTools protocol counts them)
    // of every response that had finished when the first question was painted.
    const before = load.resources.filter((r) => r.responseEnd <= load.marks.firstQuestion);
    const files = before.map((r) => {
      const wire = [...requests.values()].find((q) => q.url === r.name && q.done);
      return { url: r.name.slice(origin.length), wire: wire?.bytes ?? NaN, body: r.encodedBodySize, end: r.responseEnd };
    });
    const bytes = files.reduce((sum, f) => sum + f.wire, 0);

    // The steps: choose an option (real click), settle, arm, click Next (real click).
    // Only page.evaluate and page.mouse: no locators, so Playwright's own injected
    // script never loads into the page (it would add to the page's heap and work).
    const questions = new Map(content.questions.map((q, i) => [q.id, { q, i }]));
    const poll = async (what, fn, arg) => {
      const deadline = Date.now() + STEP_TIMEOUT_MS;
      for (;;) {
        const value = await page.evaluate(fn, arg);
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await page.waitForTimeout(POLL_MS);
      }
    };
    const steps = [];
    let state = await page.evaluate(() => window.__bench.state());
    for (let n = 0; state !== "result" && n < content.questions.length + 5; n++) {
      const found = questions.get(state?.startsWith("question:") ? state.slice("question:".length) : null);
      if (!found) throw new Error(`unexpected screen ${state}`);
      const options = found.q.options;
      const option = options[(found.i * 3 + 1) % options.length].id;
      const at = await poll(`option ${option}`, (id) => window.__bench.optionPoint(id), option);
      await page.mouse.click(at.x, at.y);
      await page.waitForTimeout(SETTLE_AFTER_CHOICE_MS);
      const next = await poll(`option ${option} to be chosen`, (id) => window.__bench.arm(id), option);
      await page.mouse.click(next.x, next.y);
      const step = await poll(`the screen after ${state}`, (k) => window.__bench.steps[k], steps.length);
      steps.push(step);
      state = step.to;
      await page.waitForTimeout(SETTLE_AFTER_STEP_MS);
    }
    if (steps.at(-1)?.to !== "result") throw new Error(`the run ended on ${steps.at(-1)?.to}, not the result`);

    // Memory after completion, after a full garbage collection.
    await page.waitForTimeout(SETTLE_AFTER_LOAD_MS);
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = await cdp.send("Runtime.getHeapUsage");
    const dom = await cdp.send("Memory.getDOMCounters");
    const end = await page.evaluate(() => ({
      wasm: window.__bench.wasmMemoryBytes(),
      shifts: window.__bench.shifts,
      marks: { ...window.__bench.marks },
      errors: window.__bench.errors,
    }));
    // Mounting ends at the first input: the probe's click on our intro's start button,
    // or the first real click. Shifts within 500 ms after an input do not count, as in
    // CLS; the probe's click is not a trusted input, so that rule is applied here.
    const started = end.marks.startClicked ?? Infinity;
    const mountEnd = Math.min(end.marks.firstInput ?? Infinity, started);
    const sum = (list) => list.reduce((total, s) => total + s.value, 0);
    const counted = end.shifts.filter((s) => !s.hadRecentInput && !(s.startTime >= started && s.startTime < started + 500));
    const mountShift = sum(counted.filter((s) => s.startTime < mountEnd));
    const mountShiftSources = counted
      .filter((s) => s.startTime < mountEnd)
      .flatMap((s) => s.sources.map((x) => `\`${x.node}\` moved ${x.dy > 0 ? "down" : "up"} ${Math.abs(x.dy)} px`));
    const sessionShift = sum(counted);

    const transitions = steps.map((s) => ({ from: s.from, to: s.to, ms: s.paintAt - s.clickAt, domMs: s.domAt - s.clickAt }));
    if (trace) {
      const name = join(trace.dir, `${kind}-${trace.run}`);
      tracing = false;
      await writeFile(`${name}.json`, await browser.stopTracing());
      await writeFile(`${name}.marks.json`, JSON.stringify({ kind, path: spec.path, marks: end.marks, steps }, null, 2));
    }
    return {
      kind,
      bytes,
      files,
      firstScreenMs: load.marks.firstScreen,
      firstScreenDomMs: load.marks.firstScreenDom,
      firstQuestionMs: load.marks.firstQuestion,
      firstQuestionDomMs: load.marks.firstQuestionDom,
      readyMs: load.marks.ready ?? null,
      stepMs: transitions.filter((t) => t.to !== "result").map((t) => t.ms),
      resultMs: transitions.find((t) => t.to === "result").ms,
      transitions,
      heapUsed: heap.usedSize,
      heapTotal: heap.totalSize,
      embedderHeapUsed: heap.embedderHeapUsedSize ?? null,
      backingStorage: heap.backingStorageSize ?? null,
      wasmMemory: end.wasm,
      memory: heap.usedSize + end.wasm,
      domNodes: dom.nodes,
      listeners: dom.jsEventListeners,
      mountShift,
      mountShiftSources,
      sessionShift,
      shifts: end.shifts,
      marks: end.marks,
      offsite,
      errors: [...errors, ...end.errors],
    };
  } finally {
    // A failed run's trace is dropped, so the next run can record its own.
    if (tracing) await browser.stopTracing().catch(() => {});
    await context.close();
  }
}

// ---- machine -------------------------------------------------------------------------

async function machine(browser) {
  let cpu = "unknown";
  try {
    cpu = (await readFile("/proc/cpuinfo", "utf8")).match(/^model name\s*:\s*(.+)$/m)?.[1]?.trim() ?? cpu;
  } catch {}
  const pkg = async (name) => JSON.parse(await readFile(join(repo, "node_modules", name, "package.json"), "utf8")).version;
  return {
    nproc: availableParallelism(),
    cpu,
    chromium: browser.version(),
    node: process.version,
    kernel: release(),
    loadStart: loadavg(),
    surveyCore: await pkg("survey-core"),
    surveyJsUi: await pkg("survey-js-ui"),
    playwright: await pkg("playwright-core"),
  };
}

// ---- summary and document -----------------------------------------------------------

const METRICS = [
  { key: "bytes", label: "Bytes transferred until the first question is shown", unit: "B", pick: (r) => r.bytes },
  { key: "screen", label: "Navigation start to first screen painted (ours: the intro; others: question 1)", unit: "ms", pick: (r) => r.firstScreenMs },
  { key: "first", label: "Navigation start to first question painted and clickable", unit: "ms", pick: (r) => r.firstQuestionMs },
  { key: "step50", label: "Next click to next question painted, median of all steps", unit: "ms", steps: true, q: 0.5 },
  { key: "step95", label: "Next click to next question painted, 95th percentile of all steps", unit: "ms", steps: true, q: 0.95 },
  { key: "result", label: "Last answer (finish click) to result painted", unit: "ms", pick: (r) => r.resultMs },
  { key: "memory", label: "JS heap used + wasm memory after completion", unit: "B", pick: (r) => r.memory },
  { key: "shift", label: "Layout shift while mounting (sum)", unit: "", pick: (r) => r.mountShift },
];

function summarize(results) {
  const out = {};
  for (const kind of Object.keys(PAGES)) {
    const runs = results.filter((r) => r.kind === kind);
    const steps = runs.flatMap((r) => r.stepMs);
    const row = { runs: runs.length, steps: steps.length };
    for (const m of METRICS) row[m.key] = m.steps ? quantile(steps, m.q) : median(runs.map(m.pick));
    row.shiftMax = Math.max(...runs.map((r) => r.mountShift));
    row.sessionShiftMax = Math.max(...runs.map((r) => r.sessionShift));
    row.heapUsed = median(runs.map((r) => r.heapUsed));
    row.wasmMemory = median(runs.map((r) => r.wasmMemory));
    row.embedderHeapUsed = median(runs.map((r) => r.embedderHeapUsed));
    row.domNodes = median(runs.map((r) => r.domNodes));
    row.firstScreenDom = median(runs.map((r) => r.firstScreenDomMs));
    row.firstScreen95 = quantile(runs.map((r) => r.firstScreenMs), 0.95);
    row.firstQuestionDom = median(runs.map((r) => r.firstQuestionDomMs));
    row.ready = median(runs.map((r) => r.readyMs));
    row.firstQuestion95 = quantile(runs.map((r) => r.firstQuestionMs), 0.95);
    row.stepMax = Math.max(...steps);
    row.mountShifts = {};
    for (const r of runs) {
      const seen = new Set(r.mountShiftSources);
      for (const what of seen) row.mountShifts[what] = (row.mountShifts[what] ?? 0) + 1;
    }
    row.files = {};
    for (const f of runs.flatMap((r) => r.files)) (row.files[f.url] ??= []).push(f);
    for (const [url, list] of Object.entries(row.files)) {
      row.files[url] = {
        wire: median(list.map((f) => f.wire)),
        body: median(list.map((f) => f.body)),
        end: median(list.map((f) => f.end)),
        seen: list.length,
      };
    }
    out[kind] = row;
  }
  return out;
}

// The targets: each a ratio of two figures measured in the same run, ours first (the
// clicks against the floor, the rest against SurveyJS), except layout shift, which
// must be zero.
function targets(s) {
  const o = s.ours;
  const t = s.surveyjs;
  const f = s.floor;
  const i = s.introOff;
  return [
    {
      what: "Bytes before the first question",
      target: "at most 0.25x SurveyJS",
      value: versus(o.bytes, t.bytes, kb, "KB"),
      met: o.bytes <= 0.25 * t.bytes,
    },
    {
      what: "The widget's first screen painted",
      target: "at most 0.5x SurveyJS's first question painted",
      value: versus(o.screen, t.first, ms, "ms"),
      met: o.screen <= 0.5 * t.first,
    },
    {
      what: "First question painted, intro off",
      target: "at most 1.15x the floor's first question painted",
      value: versus(i.first, f.first, ms, "ms"),
      met: i.first <= 1.15 * f.first,
    },
    {
      what: "Click to next question painted, p95",
      target: "at most 1.10x the floor's",
      value: versus(o.step95, f.step95, ms, "ms"),
      met: o.step95 <= 1.1 * f.step95,
    },
    {
      what: "Last answer to result painted",
      target: "at most 1.0x SurveyJS's",
      value: versus(o.result, t.result, ms, "ms"),
      met: o.result <= t.result,
    },
    {
      what: "Memory after completion",
      target: "at most 0.5x SurveyJS",
      value: versus(o.memory, t.memory, mb, "MB"),
      met: o.memory <= 0.5 * t.memory,
    },
    {
      what: "Layout shift while mounting",
      target: "zero (every run, intro on and off)",
      value: `${o.shiftMax.toFixed(4)} (max of ${o.runs} runs; intro off ${i.shiftMax.toFixed(4)})`,
      met: o.shiftMax === 0 && i.shiftMax === 0,
    },
  ];
}

const benchCommand = (args) => `node tests/bench/run.mjs --runs ${args.runs}${args.throttle === 4 ? "" : ` --throttle ${args.throttle}`}`;
const fmtLoad = (l) => (l ? l.map((x) => x.toFixed(2)).join(", ") : "n/a");
const ratio = (a, b) => (a / b).toFixed(2);
const ms = (v) => (Number.isFinite(v) ? v.toFixed(1) : "n/a");
const kb = (v) => (v / 1000).toFixed(1);
const mb = (v) => (v / 1e6).toFixed(2);
// A ratio with both of its figures, as the targets show it: "0.46x (49.6 vs 107.2 ms)".
const versus = (a, b, format, unit) => `${ratio(a, b)}x (${format(a)} vs ${format(b)} ${unit})`;
function show(m, v) {
  if (!Number.isFinite(v)) return "n/a";
  if (m.key === "bytes") return `${kb(v)} KB`;
  if (m.key === "memory") return `${mb(v)} MB`;
  if (m.key === "shift") return v.toFixed(4);
  return `${ms(v)} ms`;
}

function consoleTable(s) {
  const rows = [["metric", "levels-quiz", "SurveyJS", "ours / SurveyJS"]];
  for (const m of METRICS) rows.push([m.label, show(m, s.ours[m.key]), show(m, s.surveyjs[m.key]), s.surveyjs[m.key] ? ratio(s.ours[m.key], s.surveyjs[m.key]) : "n/a"]);
  rows.push(["", "", "floor", "ours / floor"]);
  for (const m of FLOOR_METRICS) rows.push([m.label, show(m, s.ours[m.key]), show(m, s.floor[m.key]), ratio(s.ours[m.key], s.floor[m.key])]);
  rows.push(["", "intro off", "floor", "intro off / floor"]);
  for (const m of INTRO_OFF_METRICS) rows.push([m.label, show(m, s.introOff[m.key]), show(m, s.floor[m.key]), ratio(s.introOff[m.key], s.floor[m.key])]);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ")).join("\n");
}

// What the floor page is shown beside ours on: its clicks, and how soon it shows its
// first screen, question 1 (with no intro screen before it and no wasm: a bound, not a
// widget's load).
const FLOOR_METRICS = METRICS.filter((m) => ["screen", "first", "step50", "step95"].includes(m.key));
// What our widget with intro="off" is shown beside the floor on: how soon question 1
// shows when neither has an intro screen before it.
const INTRO_OFF_METRICS = METRICS.filter((m) => ["screen", "first", "step95"].includes(m.key));

function markdown({ s, args, env, startedAt, seconds, dist }) {
  const t = targets(s);
  const lines = [];
  const row = (...cells) => lines.push(`| ${cells.join(" | ")} |`);
  lines.push(
    "# Benchmarks",
    "",
    "Our widget against the same quiz built with SurveyJS, loaded and clicked through in headless",
    "Chromium. This file is written by the benchmark; run it again to refresh it.",
    "",
    "```sh",
    "make dist                           # the bundle under test",
    `${benchCommand(args).padEnd(35)} # make bench: this file`,
    `${"node scripts/size-report.mjs".padEnd(35)} # make size: the bundle's size budget`,
    "```",
    "",
    `Latest run: ${startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC, ${args.runs} measured runs per page`,
    `(after ${args.warmup} unmeasured warm-up run${args.warmup === 1 ? "" : "s"} each), the pages taking turns, ${Math.round(seconds)} s in all.`,
    "",
    "## Results",
    "",
    `Medians over ${s.ours.runs} runs per page (step figures: over all ${s.ours.steps} and ${s.surveyjs.steps} steps),`,
    `CPU throttled ${args.throttle}x.`,
    "",
  );
  row("metric", "levels-quiz", "SurveyJS", "ours / SurveyJS");
  row("---", "---:", "---:", "---:");
  for (const m of METRICS) {
    row(m.label, show(m, s.ours[m.key]), show(m, s.surveyjs[m.key]), s.surveyjs[m.key] ? ratio(s.ours[m.key], s.surveyjs[m.key]) : "n/a");
  }
  lines.push(
    "",
    "The floor: the same question markup and stylesheet swapped by plain DOM calls",
    "(`tests/bench/pages/floor.js`), no framework and no wasm: what the browser itself takes",
    "per click here, which no widget can beat, and how soon it shows question 1 with no intro",
    "screen to click through first:",
    "",
  );
  row("metric", "levels-quiz", "floor", "ours / floor");
  row("---", "---:", "---:", "---:");
  for (const m of FLOOR_METRICS) row(m.label, show(m, s.ours[m.key]), show(m, s.floor[m.key]), ratio(s.ours[m.key], s.floor[m.key]));
  lines.push(
    "",
    'Our widget with `intro="off"` (`ours-intro-off.html`), which opens on question 1 as the floor',
    "does: the same embed and bundle, without the intro screen to paint and click through first:",
    "",
  );
  row("metric", "intro off", "floor", "intro off / floor");
  row("---", "---:", "---:", "---:");
  for (const m of INTRO_OFF_METRICS) row(m.label, show(m, s.introOff[m.key]), show(m, s.floor[m.key]), ratio(s.introOff[m.key], s.floor[m.key]));
  lines.push(
    "",
    "## Targets",
    "",
    "Each goal is a ratio of two figures measured in this run, ours first: the clicks and the",
    "first question with `intro=\"off\"` against the floor, the rest against SurveyJS (our first",
    "screen, the intro, against SurveyJS's first question, as SurveyJS has no intro). Layout",
    "shift must be zero in every run, with the intro and without it.",
    "",
  );
  row("target", "goal", "measured", "status");
  row("---", "---", "---:", "---");
  for (const x of t) row(x.what, x.target, x.value, x.met ? "met" : "**not met**");

  lines.push("", "## Details", "");
  row("", "levels-quiz", "SurveyJS");
  row("---", "---:", "---:");
  row("`levels-quiz:ready` event (the wasm is running), median", `${ms(s.ours.ready)} ms`, "");
  row("First screen in the DOM (before paint), median", `${ms(s.ours.firstScreenDom)} ms`, `${ms(s.surveyjs.firstScreenDom)} ms`);
  row("First screen painted, 95th percentile", `${ms(s.ours.firstScreen95)} ms`, `${ms(s.surveyjs.firstScreen95)} ms`);
  row("First question in the DOM (before paint), median", `${ms(s.ours.firstQuestionDom)} ms`, `${ms(s.surveyjs.firstQuestionDom)} ms`);
  row("First question painted, 95th percentile", `${ms(s.ours.firstQuestion95)} ms`, `${ms(s.surveyjs.firstQuestion95)} ms`);
  row("Slowest step", `${ms(s.ours.stepMax)} ms`, `${ms(s.surveyjs.stepMax)} ms`);
  row("JS heap used after completion (after GC), median", `${mb(s.ours.heapUsed)} MB`, `${mb(s.surveyjs.heapUsed)} MB`);
  row("wasm linear memory, median", `${mb(s.ours.wasmMemory)} MB`, `${mb(s.surveyjs.wasmMemory)} MB`);
  row("Blink (DOM) heap used, median, not in the memory figure", `${mb(s.ours.embedderHeapUsed)} MB`, `${mb(s.surveyjs.embedderHeapUsed)} MB`);
  row("DOM nodes after completion, median", `${s.ours.domNodes}`, `${s.surveyjs.domNodes}`);
  row("Layout shift over the whole run (not after input), max", s.ours.sessionShiftMax.toFixed(4), s.surveyjs.sessionShiftMax.toFixed(4));

  lines.push("", "Bytes until the first question, per response (median; on the wire = headers + gzip body):", "");
  row("page", "response", "on the wire", "body as sent", "response end");
  row("---", "---", "---:", "---:", "---:");
  for (const kind of LOADED) {
    for (const [url, f] of Object.entries(s[kind].files)) {
      row(PAGES[kind].label, `\`${url}\``, `${f.wire.toLocaleString("en-US")} B`, `${f.body.toLocaleString("en-US")} B`, `${ms(f.end)} ms`);
    }
  }

  lines.push("", "Layout shifts while mounting, by what moved (runs in which it happened):", "");
  row("page", "shift", "runs");
  row("---", "---", "---:");
  for (const kind of SHIFTED) {
    const seen = Object.entries(s[kind].mountShifts);
    if (seen.length === 0) row(PAGES[kind].label, "none", `0 of ${s[kind].runs}`);
    for (const [what, count] of seen) row(PAGES[kind].label, what, `${count} of ${s[kind].runs}`);
  }

  const bundle = reportFiles(Object.entries(dist).map(([file, body]) => ({ file, body })));
  const n = (v) => v.toLocaleString("en-US");
  lines.push("", "## Our bundle as measured", "");
  lines.push("The files of `dist/` this run served, as `node scripts/size-report.mjs` counts them (bytes):", "");
  row("file", "raw", "gzip -9", "brotli q11", "fetched");
  row("---", "---:", "---:", "---:", "---");
  for (const f of bundle.files) row(`\`${f.file}\``, n(f.raw), n(f.gzip), n(f.brotli), f.fetched);
  for (const p of bundle.paths) row(`total, ${p.path} path`, n(p.raw), n(p.gzip), n(p.brotli), p.budgeted === false ? "not budgeted" : "");
  const budget = bundle.budget.bytes;
  lines.push(
    "",
    `Budget: gzip at most ${n(budget)} bytes (90 KB, 1 KB = 1000 bytes) on every language path: ` +
      (bundle.within_budget ? `within, ${n(budget - bundle.total.gzip)} bytes to spare.` : `**over by ${n(bundle.over_by)} bytes** (${bundle.total_path} path).`),
    "",
    "## Machine",
    "",
    `- ${env.nproc} CPUs (\`nproc\`), ${env.cpu}`,
    `- Chromium ${env.chromium} (headless, \`/usr/bin/chromium\`), driven by playwright-core ${env.playwright}`,
    `- Node ${env.node}, Linux ${env.kernel}`,
    `- Load average (1, 5, 15 min) at the start ${fmtLoad(env.loadStart)}, at the end ${fmtLoad(env.loadEnd)}: other work on`,
    "  the machine (builds, tests) competes for its cores and makes the times noisier",
    `- SurveyJS: survey-core ${env.surveyCore}, survey-js-ui ${env.surveyJsUi}`,
    "",
    "## What is measured",
    "",
    "Four pages, served by `tests/bench/server.mjs` on 127.0.0.1, around the same host markup",
    "(a heading, a paragraph, the quiz, a paragraph below it; `tests/bench/pages/`):",
    "",
    "- `ours.html`: the README's embed, `<script type=\"module\" src=\"/dist/levels-quiz.js\">` and",
    "  `<levels-quiz>`. The CSS is inside the wasm; the English quiz is `levels-quiz.en.bin`.",
    "- `ours-intro-off.html`: the same with `<levels-quiz intro=\"off\">`: the widget opens on",
    "  question 1, whose first paint is compared with the floor's. It is clicked through like",
    "  the others; only its load figures and layout shift are shown.",
    "- `surveyjs.html`: SurveyJS's framework-free setup: `survey-core/survey-core.fontless.min.css`,",
    "  `survey-core/survey.core.min.js` and `survey-js-ui/survey-js-ui.min.js` from `node_modules`",
    "  (no CDN), then `new Survey.Model(json).render(element)`. The survey JSON is generated from",
    "  `content/en.json` when the server starts (`tests/bench/pages/survey-json.mjs`): one page per",
    "  question, each a required `radiogroup` with our prompt, hint and option labels, a progress",
    "  bar, our button texts, and a complete page with our CTA. It is inlined into the page, so",
    "  SurveyJS makes no request for content; ours fetches the English quiz (`levels-quiz.en.bin`). The fontless stylesheet is SurveyJS's own variant",
    "  without its Open Sans `@font-face` rules (those load fonts from a font CDN; our widget uses",
    "  the page's font). Requests off 127.0.0.1 are aborted and would be reported.",
    "- `floor.html`: the floor. `floor.js` fetches `content/en.json` and",
    "  `styles/widget.css`, and builds our question screen's markup (`src/components/question.rs`)",
    "  in a shadow root with that stylesheet, with plain DOM calls; Next replaces the screen,",
    "  saves the answers to `localStorage` and focuses the new prompt, as the widget does. The",
    "  probe finds its screens as it finds ours. Its clicks, and its time to its first screen,",
    "  question 1 (no intro screen, no wasm, content and stylesheet fetched: what a page showing",
    "  this question with plain DOM calls takes here), are shown beside ours; its bytes and",
    "  memory are not compared.",
    "  Its stylesheet is the working tree's, ours the one inside the bundle under test.",
    "",
    "Every page is served the same way: `.js`, `.wasm`, `.css` and `.json` gzip-encoded (level 9)",
    "when the browser accepts it, HTML as is, no caching headers that matter (each run has a",
    "fresh browser context, so every run is a cold load: no HTTP cache, no compiled-code cache).",
    "The network is localhost and not throttled: times are dominated by the CPU.",
    "",
    `Each run: a new browser context (1280x900), CPU throttled ${args.throttle}x with the DevTools`,
    "protocol's `Emulation.setCPUThrottlingRate` (it slows the page's main thread; the browser's",
    "other threads, such as wasm compilation in the background, are not slowed), instrumentation",
    "(`tests/bench/probe.js`) added before any page script, then:",
    "",
    "- **Bytes until the first question**: the sum of `Network.loadingFinished.encodedDataLength`",
    "  (headers plus body as sent, gzip where used) of every response whose Resource Timing",
    "  `responseEnd` is at or before the first question's paint. Our widget: the page, the",
    "  script, the wasm, the English quiz (the result's code, `levels-quiz-result.wasm`, and its",
    "  texts are asked for only after the first question is painted). SurveyJS: the page,",
    "  its stylesheet, its two scripts. The host page's own `host.css` is in both.",
    "- **First screen painted**: from navigation start (`performance.now()` = 0) to the end of the",
    "  frame that first shows the quiz's first screen: for our widget the first element with a",
    "  `data-screen` attribute in its shadow root (the intro, with its start button; question 1",
    "  if it opened on a question), noticed by a `MutationObserver` on the shadow root; SurveyJS",
    "  has no intro, so its first screen is its first question (below). The end of a frame is",
    "  taken as for the clicks (below).",
    "- **First question painted and clickable**: from navigation start (`performance.now()` = 0) to",
    "  the end of the frame that first shows question 1 with its radio inputs and Next button in",
    "  the DOM (event handlers attached). Our widget opens on an intro screen; the probe clicks",
    "  its start button (`element.click()`) right after the frame that first paints it, so this",
    "  is the shortest path to question 1 a visitor could take, and it includes painting the",
    "  intro and the start transition. With `intro=\"off\"` our widget, like SurveyJS and the",
    "  floor, starts on question 1: its first screen is its first question.",
    "- **Next click to next question painted**: for each question the driver clicks an option (a",
    `  real mouse click), waits until it is checked and ${SETTLE_AFTER_CHOICE_MS} ms more, then clicks Next (a real`,
    "  click through the DevTools protocol). Measured from the click event's `timeStamp` (when",
    "  the input arrived, so waiting for a busy main thread counts) to the end of the frame that",
    "  first has the next question in the DOM. The end of a frame is taken as",
    "  `requestAnimationFrame` followed by a `MessageChannel` message: rAF callbacks run just",
    "  before style, layout and paint, and the message runs as the next task, after the frame",
    "  is painted. The last question's click goes to the result instead and is reported",
    `  separately. Steps: ${s.ours.steps / s.ours.runs} per run; the median and 95th percentile (nearest rank) are over all`,
    "  steps of all runs. Both quizzes animate the new screen in; we measure its first frame.",
    "- **Last answer to result painted**: the same, from the finish click to the result screen",
    "  (ours: the computed profile, chart, causes and steps; SurveyJS: its static complete page).",
    `- **Memory after completion**: ${SETTLE_AFTER_LOAD_MS} ms after the result, a full GC`,
    "  (`HeapProfiler.collectGarbage`), then `Runtime.getHeapUsage().usedSize` (the V8 heap)",
    "  plus the byte length of every `WebAssembly.Memory` exported by the page's wasm instances",
    "  (the probe wraps `WebAssembly.instantiate[Streaming]` to keep them). Wasm linear memory",
    "  never shrinks, so it is the high-water mark of the run. The Blink (DOM) heap and DOM",
    "  counters (`Memory.getDOMCounters`) are listed in Details but not added in.",
    "- **Layout shift while mounting**: the sum of `layout-shift` entries (PerformanceObserver,",
    "  buffered, registered before any page script) from navigation until the first input:",
    "  for our widget the probe's click on the intro's start button (with `intro=\"off\"`, and for",
    "  SurveyJS, the first",
    `  option click (${SETTLE_AFTER_LOAD_MS} ms after the first question is painted). As in CLS, shifts within 500 ms`,
    "  after an input do not count (the probe's click is not a trusted input, so the driver",
    "  applies that rule to it). The target needs it to be exactly 0 in every run. The whole",
    "  run's figure (Details) adds everything after mounting that was not caused by input.",
    "",
    "Times vary from run to run, the more so on a busy machine (see the load average above);",
    "the pages take turns so all see the same conditions, and the ratios of the medians are",
    "steadier than the times themselves. Byte counts are exact for a given build. Ratios are",
    "ours divided by SurveyJS, or by the floor in its table and the click target.",
    "",
  );
  return lines.join("\n");
}

// ---- main ----------------------------------------------------------------------------

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`bench: ${error.message} (see --help)`);
    process.exit(2);
  }
  const startedAt = new Date();
  const clock = performance.now();
  const probe = await readFile(join(here, "probe.js"), "utf8");
  const content = JSON.parse(await readFile(join(repo, "content/en.json"), "utf8"));
  const server = await startServer({ distDir: args.dist });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const results = [];
  let failures = 0;
  if (args.trace) await mkdir(args.trace, { recursive: true });
  try {
    const env = await machine(browser);
    console.log(`bench: ${args.runs} runs per page (+${args.warmup} warm-up), CPU ${args.throttle}x, Chromium ${env.chromium}, ${env.nproc} CPUs`);
    const order = [];
    for (let i = 0; i < args.warmup + args.runs; i++) {
      // Take turns, and rotate which page goes first from round to round.
      const kinds = Object.keys(PAGES);
      const turn = kinds.map((_, k) => kinds[(i + k) % kinds.length]);
      order.push(...turn.map((kind) => ({ kind, warmup: i < args.warmup, round: i })));
    }
    for (const { kind, warmup, round } of order) {
      let result = null;
      const trace = args.trace ? { dir: args.trace, run: warmup ? `warmup${round}` : round - args.warmup + 1 } : null;
      for (let attempt = 1; attempt <= 2 && !result; attempt++) {
        try {
          result = await runOnce(browser, server.origin, kind, { throttle: args.throttle, probe, content, trace });
        } catch (error) {
          failures++;
          console.error(`bench: ${kind} round ${round} attempt ${attempt} failed: ${error.message.split("\n")[0]}`);
        }
      }
      if (!result) throw new Error(`${kind} failed twice in round ${round}`);
      if (result.errors.length) console.error(`bench: ${kind}: page errors: ${result.errors.join("; ")}`);
      if (result.offsite.length) console.error(`bench: ${kind}: blocked off-site requests: ${result.offsite.join(", ")}`);
      const tag = warmup ? "warm-up" : `run ${round - args.warmup + 1}/${args.runs}`;
      console.log(
        `  ${tag.padEnd(11)} ${PAGES[kind].label.padEnd(11)} ${kb(result.bytes).padStart(7)} KB  screen ${ms(result.firstScreenMs).padStart(7)} ms  first ${ms(result.firstQuestionMs).padStart(7)} ms` +
          `  step p50 ${ms(median(result.stepMs)).padStart(6)} ms  result ${ms(result.resultMs).padStart(6)} ms  mem ${mb(result.memory)} MB  shift ${result.mountShift.toFixed(4)}`,
      );
      if (!warmup) results.push(result);
    }
    env.loadEnd = loadavg();
    const s = summarize(results);
    const seconds = (performance.now() - clock) / 1000;
    console.log("");
    console.log(consoleTable(s));
    console.log("");
    for (const x of targets(s)) console.log(`${x.met ? "met    " : "NOT MET"}  ${x.what}: ${x.value} (target: ${x.target})`);
    console.log(`\nbench: ${results.length} runs in ${Math.round(seconds)} s${failures ? `, ${failures} failed attempt(s) retried` : ""}`);
    if (args.doc) {
      await mkdir(dirname(args.doc), { recursive: true });
      await writeFile(args.doc, markdown({ s, args, env, startedAt, seconds, dist: server.dist }));
      console.log(`bench: wrote ${relative(process.cwd(), args.doc) || args.doc}`);
    }
    if (args.json) {
      await mkdir(dirname(args.json), { recursive: true });
      await writeFile(args.json, JSON.stringify({ args, env, summary: s, targets: targets(s), results }, null, 2));
      console.log(`bench: wrote ${relative(process.cwd(), args.json) || args.json}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(`bench: ${error.stack ?? error}`);
  process.exit(1);
});
