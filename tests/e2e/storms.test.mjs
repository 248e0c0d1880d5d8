// Input storms: hundreds of seeded random clicks, key presses, bursts and scrolls on
// the widget, many landing mid-transition. After every action the widget must be in
// one consistent state; afterwards a deterministic run must end on the result the
// engine's own CLI gives for the same answers.
//
// A failure names its seed and action; rerun one seed with STORM_SEED=<n>, or a
// longer storm with STORM_ACTIONS=<n>.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { content, launch, openPage, prng, Quiz, questionIds, repo, scoreWithCli, startServer } from "./hosts-support.mjs";

const ACTIONS = Number(process.env.STORM_ACTIONS ?? 500);
const STORMS = [
  { seed: 1, actions: ACTIONS, reducedMotion: "no-preference" },
  { seed: 2, actions: Math.ceil(ACTIONS / 2.5), reducedMotion: "reduce" },
].filter((s) => !process.env.STORM_SEED || s.seed === Number(process.env.STORM_SEED));

const KEYS = ["Tab", "Shift+Tab", "Enter", "Space", "ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "Escape", "PageDown", "Backspace", "a"];

// "Question {current} of {total}" per language the bundle may switch to.
const PROGRESS = { [content.language]: content.ui.progress };
try {
  const zh = JSON.parse(await readFile(join(repo, "content/zh-CN.json"), "utf8"));
  PROGRESS[zh.language] = zh.ui.progress;
} catch {}

// The answers of the deterministic run after each storm, and what the CLI says of them.
const FINAL = (() => {
  const random = prng(0xa11);
  return content.questions.map((q) => random.pick(q.options).id);
})();
let expected;
let server;
let browser;

before(async () => {
  [expected] = scoreWithCli([FINAL]);
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// Runs before the page: keeps the storm on the page (the call to action is a link
// away, Print opens a dialog) and records the widget's events.
function stormGuards() {
  document.addEventListener(
    "click",
    (event) => {
      if (event.composedPath().some((node) => node instanceof HTMLAnchorElement)) event.preventDefault();
    },
    true,
  );
  window.print = () => {};
  window.__events = [];
  for (const name of ["start", "answer", "complete", "error"]) {
    document.addEventListener(`levels-quiz:${name}`, (e) =>
      window.__events.push({ name, detail: e.detail == null ? null : JSON.parse(JSON.stringify(e.detail)) }),
    );
  }
}

/**
 * The widget's state as one report, and (when `pick` is a number in [0, 1)) the
 * centre of one of its interactive elements, scrolled into view first.
 */
function inspect(el, pick) {
  const root = el.shadowRoot;
  const screens = [...root.querySelectorAll("[data-screen]")];
  const s = screens[0];
  const report = {
    state: el.getAttribute("data-lq-state"),
    screens: screens.length,
    roots: root.querySelectorAll(".lq-root").length,
    screen: s?.dataset.screen ?? null,
    lang: root.querySelector(".lq-root")?.getAttribute("lang") ?? null,
  };
  if (report.screen === "question") {
    report.question = s.dataset.question;
    report.label = s.querySelector(".lq-progress-label")?.textContent ?? null;
    report.promptId = s.querySelector(".lq-prompt")?.id ?? null;
    report.checked = s.querySelectorAll("input:checked").length;
    report.marked = s.querySelectorAll(".lq-checked").length;
  }
  if (report.screen === "result") {
    report.verdict = s.dataset.verdict;
    report.level = s.dataset.level;
    const complete = window.__events.filter((e) => e.name === "complete").at(-1);
    report.announced = complete?.detail?.verdict ?? null;
  }
  if (typeof pick === "number") {
    // Where to click next: any interactive element, and the ways forward (an option
    // and Next on a question, Start on the intro), each scrolled into view.
    const centre = (n) => {
      if (!n) return null;
      n.scrollIntoView({ block: "nearest", behavior: "instant" });
      const r = n.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2, what: `${n.tagName}.${n.className}` };
    };
    const all = [...root.querySelectorAll("button, a, summary, label, input, h2")].filter((n) => n.getClientRects().length);
    const options = [...root.querySelectorAll("[data-screen=question] .lq-option")];
    report.any = centre(all[Math.floor(pick * all.length)]);
    report.option = centre(options[Math.floor(pick * options.length)]);
    report.forward = centre(root.querySelector("[data-screen=question] button[type=submit], [data-screen=intro] .lq-start-row button"));
    if (report.option && report.forward) report.option = centre(options[Math.floor(pick * options.length)]);
  }
  return report;
}

/** What is wrong with a report, or null. */
function inconsistency(report) {
  if (report.state !== "ready") return report.screens === 0 || report.state === null ? null : `screens while ${report.state}`;
  if (report.screens !== 1) return `${report.screens} [data-screen] roots`;
  if (report.roots !== 1) return `${report.roots} .lq-root`;
  if (report.screen === "question") {
    const index = questionIds.indexOf(report.question);
    if (index < 0) return `unknown question ${report.question}`;
    const template = PROGRESS[report.lang];
    const label = template?.replace("{current}", index + 1).replace("{total}", questionIds.length);
    if (template && report.label !== label) return `progress says "${report.label}" on question ${index + 1} (${report.question})`;
    if (report.promptId !== `lq-q-${report.question}`) return `prompt ${report.promptId} on question ${report.question}`;
    if (report.checked > 1 || report.marked > 1) return `${report.checked} checked, ${report.marked} marked`;
    if (report.checked !== report.marked) return `${report.checked} radios checked but ${report.marked} options marked chosen`;
  }
  if (report.screen === "result") {
    if (!report.verdict || !report.level) return "a result without verdict or level";
    if (report.announced !== report.verdict) return `result shows ${report.verdict}, complete event said ${report.announced}`;
  }
  return null;
}

/**
 * One seeded random action, aimed with `at` (the latest report's targets); returns a
 * short description for the log.
 */
async function act(page, host, random, at) {
  const roll = random();
  if (roll < 0.3) {
    if (!at.any) return "click (no target)";
    const clickCount = random() < 0.15 ? 2 : 1;
    await page.mouse.click(at.any.x, at.any.y, { clickCount });
    return `click ${at.any.what}${clickCount > 1 ? " x2" : ""}`;
  }
  if (roll < 0.5) {
    // Forward as fast as input allows: an option, then Next (or Start).
    if (at.option) await page.mouse.click(at.option.x, at.option.y);
    if (at.forward) await page.mouse.click(at.forward.x, at.forward.y);
    return `forward${at.option ? " via an option" : ""}`;
  }
  if (roll < 0.72) {
    const key = random.pick(KEYS);
    await page.keyboard.press(key);
    return `key ${key}`;
  }
  if (roll < 0.8) {
    // A burst: the same element clicked 3 to 8 times as fast as input allows.
    if (!at.any) return "burst (no target)";
    const n = 3 + random.int(6);
    for (let i = 0; i < n; i++) await page.mouse.click(at.any.x, at.any.y);
    return `burst ${n} on ${at.any.what}`;
  }
  if (roll < 0.88) {
    const box = await host.boundingBox();
    const x = box.x + random() * box.width;
    const y = Math.max(1, Math.min(899, box.y + random() * Math.min(box.height, 900)));
    await page.mouse.click(x, y);
    return `click at ${Math.round(x)},${Math.round(y)}`;
  }
  if (roll < 0.94) {
    const dy = (random() < 0.5 ? -1 : 1) * (100 + random.int(600));
    await page.mouse.wheel(0, dy);
    return `wheel ${dy}`;
  }
  const ms = random.int(260);
  await page.waitForTimeout(ms);
  return `wait ${ms}ms`;
}

/** From any state, back to the English intro by the widget's own controls. */
async function backToIntro(page, quiz) {
  for (let i = 0; i < 40; i++) {
    const report = await quiz.host.evaluate(inspect);
    if (report.state !== "ready" || report.screens !== 1) {
      await page.waitForTimeout(50);
    } else if (report.screen === "result") {
      await quiz.host.locator(".lq-end button").click();
    } else if (report.screen === "question" || report.screen === "lead") {
      await quiz.host.locator(".lq-nav .lq-secondary").click();
    } else if (report.lang !== content.language) {
      await quiz.host.locator(`.lq-lang[lang="${content.language}"]`).click();
      await page.waitForTimeout(50);
    } else {
      return;
    }
  }
  assert.fail("could not get back to the intro");
}

describe("input storms", () => {
  for (const { seed, actions, reducedMotion } of STORMS) {
    test(`seed ${seed}: ${actions} random actions (motion: ${reducedMotion}), then a run matching the CLI`, async (t) => {
      const { page, context, errors } = await openPage(browser, server.origin, null, { reducedMotion });
      await context.addInitScript(stormGuards);
      await page.goto(server.origin + "/pages/plain.html");
      const url = page.url();
      const quiz = new Quiz(page);
      await quiz.waitFor("intro");
      const random = prng(seed);
      const log = [];
      const screensSeen = new Set();
      let report = await quiz.host.evaluate(inspect, random());
      for (let i = 0; i < actions; i++) {
        log.push(await act(page, quiz.host, random, report));
        report = await quiz.host.evaluate(inspect, random());
        screensSeen.add(report.screen);
        const wrong = inconsistency(report) ?? (page.url() !== url ? `left the page for ${page.url()}` : null);
        const recent = log.slice(-8).join(" | ");
        assert.equal(wrong, null, `seed ${seed}, action ${i + 1}: ${wrong}\n  last actions: ${recent}`);
        assert.deepEqual(errors, [], `seed ${seed}, action ${i + 1}; last actions: ${recent}`);
      }
      t.diagnostic(`screens reached: ${[...screensSeen].join(", ")}`);

      // Now a deterministic run, by mouse, from the intro.
      await backToIntro(page, quiz);
      await page.evaluate(() => (window.__events = []));
      await quiz.completeWith(FINAL);
      const result = quiz.screen();
      assert.equal(await result.getAttribute("data-verdict"), expected.verdict);
      assert.equal(await result.getAttribute("data-level"), expected.operating_level);
      const complete = await page.evaluate(() => window.__events.filter((e) => e.name === "complete").map((e) => e.detail));
      assert.equal(complete.length, 1);
      const shared = Object.keys(expected).filter((k) => k in complete[0] && k !== "causes");
      assert.ok(shared.includes("verdict") && shared.includes("operating_level"), `compared: ${shared}`);
      for (const key of shared) assert.deepEqual(complete[0][key], expected[key], `complete event's ${key}`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
