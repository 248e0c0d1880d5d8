// Support for the robustness suites (hosts, a11y, privacy, storms): opening a page
// with its errors and CSP violations recorded, driving one widget to each screen,
// taking comparable widget screenshots, diffing PNGs, snapshotting a host page's own
// styles, and scoring answers with the content authors' CLI.
//
// It builds on support.mjs (server, browser, the Quiz page object) and adds only what
// these suites need, so support.mjs stays small.
import { execFileSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { artifacts, repo, STUCK_VP } from "./support.mjs";

export { eventually, launch, Quiz, repo, startServer, STUCK_VP } from "./support.mjs";

/**
 * One stylesheet every host page links: a fixed `--lq-font` and a fixed width for the
 * widget, so screenshots compare layout (the widget inherits the host's font by design).
 */
export const HOST_COMMON_CSS = "/pages/hosts/common.css";
/** The viewport every comparison uses. */
export const VIEWPORT = { width: 1000, height: 900 };

/** The built-in English content, as the widget ships it. */
export const content = JSON.parse(await readFile(join(repo, "content/en.json"), "utf8"));
export const questionIds = content.questions.map((q) => q.id);
/** A known path through the quiz: a VP stuck one level down. */

// Runs in every page before its own scripts: records CSP violations (they bubble and
// are composed, so one listener on the document hears those from shadow roots too).
const RECORD_VIOLATIONS = () => {
  window.__cspViolations = [];
  document.addEventListener(
    "securitypolicyviolation",
    (e) =>
      window.__cspViolations.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`,
      ),
    true,
  );
};

/**
 * Opens `path` in a fresh context: 1000x900, reduced motion unless told otherwise.
 * `errors` collects page errors and console errors; `violations()` reads the CSP log.
 */
export async function openPage(browser, origin, path, { viewport = VIEWPORT, reducedMotion = "reduce", block, ...options } = {}) {
  const context = await browser.newContext({ viewport, reducedMotion, locale: "en-US", ...options });
  if (block) await context.route(block, (route) => route.abort());
  await context.addInitScript(RECORD_VIOLATIONS);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (msg) => msg.type() === "error" && errors.push(`console: ${msg.text()}`));
  if (path !== null) await page.goto(origin + path);
  const violations = () => page.evaluate(() => window.__cspViolations ?? []);
  return { page, context, errors, violations };
}

/** Waits until fonts are loaded and no animation inside the page (shadow trees included) runs. */
export async function settle(page) {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  // Two frames, so layout and paint have caught up.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
}

/** The text of the deepest focused element, through shadow roots: "TAG:class:value". */
export function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.tagName}:${el.getAttribute("class") ?? ""}:${el.value ?? ""}` : "";
  });
}

/** How far the document scrolls sideways (0 when it fits). */
export function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Completes the quiz in `host` from wherever it is (intro or a question) with
 * `answers`, up to the result (or the lead form), inside the page in one round trip: DOM clicks on the option and on Next,
 * each after the previous screen rendered. For tests about what happens around the
 * quiz, not about how input reaches it (the visual tests use the real mouse).
 */
export function completeFast(host, answers) {
  const byQuestion = Object.fromEntries(questionIds.map((q, i) => [q, answers[i]]));
  return host.evaluate(async (el, byQuestion) => {
    const root = el.shadowRoot;
    const frame = () => new Promise((next) => requestAnimationFrame(next));
    const screen = async () => {
      for (let i = 0; i < 300; i++, await frame()) {
        const found = root.querySelector("[data-screen]");
        if (found) return found;
      }
      throw new Error("completeFast: no screen");
    };
    let current = await screen();
    if (current.dataset.screen === "intro") {
      current.querySelector(".lq-start-row button").click();
      for (let i = 0; (current = await screen()).dataset.screen === "intro"; i++) {
        if (i > 300) throw new Error("completeFast: the quiz did not start");
        await frame();
      }
    }
    for (let steps = 0; ; steps++) {
      // A language file's later question, and the result, may wait a moment: their
      // texts and code are fetched once a question shows.
      for (let i = 0; i < 300 && (current = await screen()).dataset.screen === "waiting"; i++) await frame();
      if (current.dataset.screen !== "question") break;
      if (steps > 100) throw new Error("completeFast: stuck on the questions");
      const question = current.dataset.question;
      const input = current.querySelector(`input[value="${byQuestion[question]}"]`);
      // The label's class comes from the widget's state, not the native checkbox.
      const chosen = () => input.closest(".lq-option").classList.contains("lq-checked");
      if (!chosen()) input.click();
      for (let i = 0; !chosen() && i < 300; i++) await frame();
      current.querySelector("button[type=submit]").click();
      for (let i = 0; i < 300 && (current = await screen()).dataset.question === question; i++) await frame();
    }
    // The lead form, when the element asks for it before the result, is as far as it goes.
    if (!["result", "lead"].includes(current.dataset.screen)) throw new Error(`completeFast: ended on ${current.dataset.screen}`);
    return current.dataset.screen;
  }, byQuestion);
}

const RESULT_TOP = 640;

/**
 * Drives `quiz` from its intro to the result with `answers` and takes three widget
 * screenshots on the way: the intro, the first question (unanswered) and the top of
 * the result. The mouse is parked away and animations have ended before each.
 */
export async function widgetShots(page, quiz, answers = STUCK_VP) {
  const shots = {};
  const park = () => page.mouse.move(0, 0);
  await quiz.waitFor("intro");
  await park();
  await settle(page);
  shots.intro = await quiz.host.screenshot({ animations: "disabled", caret: "hide" });
  await quiz.start();
  await park();
  await settle(page);
  shots.question = await quiz.host.screenshot({ animations: "disabled", caret: "hide" });
  // The first answer by mouse, like a visitor; the rest quickly, inside the page.
  await quiz.answer(answers[0]);
  await completeFast(quiz.host, answers);
  await quiz.waitFor("result");
  await park();
  await quiz.host.evaluate((el) => el.scrollIntoView({ block: "start", behavior: "instant" }));
  await settle(page);
  const box = await quiz.host.boundingBox();
  shots.result = await page.screenshot({
    animations: "disabled",
    caret: "hide",
    clip: { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.min(RESULT_TOP, Math.round(box.height)) },
  });
  return shots;
}

/**
 * Compares two PNGs pixel by pixel, returning the share of differing pixels and a
 * diff image. An element's position on a page is often fractional, and Chromium snaps
 * it to whole pixels one way or the other; so the images are also compared shifted by
 * one pixel in each direction, and the best match counts. Sizes may differ: whatever
 * lies outside the compared part counts as differing.
 */
export function comparePng(actual, expected) {
  const a = PNG.sync.read(actual);
  const b = PNG.sync.read(expected);
  const total = Math.max(a.width, b.width) * Math.max(a.height, b.height);
  let best = null;
  for (const dy of [0, -1, 1]) {
    for (const dx of [0, -1, 1]) {
      // Compare a at (x + dx, y + dy) with b at (x, y), over the part both cover.
      const x0 = Math.max(0, -dx);
      const y0 = Math.max(0, -dy);
      const width = Math.min(b.width, a.width - dx) - x0;
      const height = Math.min(b.height, a.height - dy) - y0;
      const crop = (img, ox, oy) => {
        const out = Buffer.alloc(width * height * 4);
        for (let y = 0; y < height; y++) {
          const start = ((y + oy) * img.width + ox) * 4;
          img.data.copy(out, y * width * 4, start, start + width * 4);
        }
        return out;
      };
      const diff = new PNG({ width, height });
      const differing =
        pixelmatch(crop(a, x0 + dx, y0 + dy), crop(b, x0, y0), diff.data, width, height, { threshold: 0.1 }) +
        (total - width * height);
      if (best === null || differing < best.differing) best = { differing, diff, shift: `${dx},${dy}` };
      if (differing === 0) break;
    }
  }
  return {
    ratio: best.differing / total,
    sizes: `${a.width}x${a.height} vs ${b.width}x${b.height}, best shift ${best.shift}`,
    diff: PNG.sync.write(best.diff),
  };
}

/** Writes the actual, expected and diff images of a failed comparison to the artifacts. */
export async function saveComparison(name, actual, expected, diff) {
  const dir = join(artifacts, "hosts");
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${name}-actual.png`), actual);
  await writeFile(join(dir, `${name}-expected.png`), expected);
  await writeFile(join(dir, `${name}-diff.png`), diff);
  return dir;
}

// Computed properties compared on every host element with and without the widget.
const HOST_PROPERTIES = [
  "display", "position", "box-sizing", "color", "background-color", "background-image",
  "font-family", "font-size", "font-weight", "font-style", "line-height", "letter-spacing",
  "text-transform", "text-align", "text-decoration-line", "direction", "visibility", "opacity",
  "margin-top", "margin-right", "margin-bottom", "margin-left",
  "padding-top", "padding-right", "padding-bottom", "padding-left",
  "border-top-width", "border-top-style", "border-top-color", "border-left-width",
  "border-radius", "outline-style", "box-shadow", "list-style-type", "cursor",
];

/**
 * The computed styles of every element of the host page outside the widget (html,
 * body and all their descendants except <levels-quiz> and what is inside it), plus
 * the document's own sheets. Width and height are left out: the widget takes room.
 */
export function hostStyles(page) {
  return page.evaluate((properties) => {
    const name = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.classList.length ? `.${[...el.classList].join(".")}` : ""}`;
    const elements = [document.documentElement, ...document.querySelectorAll("body, body *")].filter(
      (el) => !el.closest("levels-quiz"),
    );
    const styles = {};
    elements.forEach((el, i) => {
      const style = getComputedStyle(el);
      styles[`${i} ${name(el)}`] = properties.map((p) => `${p}: ${style.getPropertyValue(p)}`).join("; ");
    });
    return {
      styles,
      sheets: [...document.styleSheets].map((s) => s.href ?? "(inline)"),
      adopted: document.adoptedStyleSheets.length,
    };
  }, HOST_PROPERTIES);
}

/** The elements of a host snapshot whose styles differ, as readable lines. */
export function styleDifferences(without, withWidget) {
  const lines = [];
  for (const [key, value] of Object.entries(without.styles)) {
    const other = withWidget.styles[key];
    if (other === undefined) lines.push(`${key}: missing with the widget`);
    else if (other !== value) {
      const a = value.split("; ");
      const b = other.split("; ");
      lines.push(`${key}: ${a.filter((x, i) => x !== b[i]).join("; ")} -> ${b.filter((x, i) => x !== a[i]).join("; ")}`);
    }
  }
  for (const key of Object.keys(withWidget.styles)) {
    if (!(key in without.styles)) lines.push(`${key}: only with the widget`);
  }
  if (JSON.stringify(without.sheets) !== JSON.stringify(withWidget.sheets)) {
    lines.push(`document sheets: ${without.sheets} -> ${withWidget.sheets}`);
  }
  if (without.adopted !== withWidget.adopted) lines.push(`adopted sheets: ${without.adopted} -> ${withWidget.adopted}`);
  return lines;
}

/**
 * What `levels-content score` prints for each set of answers (arrays of option ids),
 * from the content file the widget is built with.
 */
export function scoreWithCli(answerSets) {
  return answerSets.map((answers) =>
    JSON.parse(
      execFileSync("cargo", ["run", "--quiet", "--bin", "levels-content", "--", "score", "content/en.json", answers.join(",")], {
        cwd: repo,
        encoding: "utf8",
        timeout: 300_000,
        stdio: ["ignore", "pipe", "pipe"],
      }),
    ),
  );
}

/** A small seeded PRNG (mulberry32): the same seed gives the same run. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (n) => Math.floor(next() * n);
  next.pick = (list) => list[next.int(list.length)];
  return next;
}

/** Counts of elements in `host`'s shadow root that no payload may add. */
export function injectedElements(host) {
  return host.evaluate((el) => {
    const root = el.shadowRoot;
    if (!root) return { noShadowRoot: 1 };
    const all = [...root.querySelectorAll("*")];
    return {
      img: root.querySelectorAll("img").length,
      script: root.querySelectorAll("script").length,
      iframe: root.querySelectorAll("iframe").length,
      object: root.querySelectorAll("object, embed").length,
      style: root.querySelectorAll("style, link").length,
      handlers: all.filter((n) => [...n.attributes].some((a) => a.name.startsWith("on"))).length,
      jsLinks: all.filter((n) => /^\s*javascript:/i.test(n.getAttribute("href") ?? "")).length,
    };
  });
}

export const NO_INJECTED = { img: 0, script: 0, iframe: 0, object: 0, style: 0, handlers: 0, jsLinks: 0 };
