// Support for the marketer-controls suite (marketer.test.mjs): opening a host page
// with its errors, warnings and widget events recorded, seeding saved progress,
// reading the focused element through shadow roots, and driving the quiz quickly.
//
// Builds on support.mjs (server, browser, the Quiz page object).
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { artifacts, Quiz, repo, STUCK_VP } from "./support.mjs";

export { eventually, launch, Quiz, startServer, STUCK_VP } from "./support.mjs";

export const marketerArtifacts = join(artifacts, "marketer");
await mkdir(marketerArtifacts, { recursive: true });

/** The built-in English content, as the widget ships it. */
export const content = JSON.parse(await readFile(join(repo, "content/en.json"), "utf8"));
/** Where saved progress lives for the built-in quiz. */
export const STORAGE_KEY = `levels-quiz:${content.id}:${content.version}`;
/** A known path through the quiz: a VP stuck one level down. */
export const STUCK_VP_OUTCOME = { level: "unification", verdict: "incomplete-promotion" };
/** The call to action's variant the default content offers that VP. */
export const STUCK_VP_CTA = { ...STUCK_VP_OUTCOME, variant: "close-the-gap" };

/**
 * Checks a `levels-quiz:lead` detail: the form's fields, `level` and `verdict`, the link
 * that reopens the result, and everything else as the `complete` event reported it.
 * `typed` is what the detail should say of the form (the framed mode leaves out the
 * name and email). Returns the result link.
 */
export function checkLead(assert, detail, complete, typed) {
  const { name, email, consent, level, result_link, ...result } = detail;
  assert.deepEqual(
    { name, email, consent, level, verdict: result.verdict },
    { name: undefined, email: undefined, ...typed, ...STUCK_VP_OUTCOME },
  );
  assert.deepEqual(result, complete);
  assert.equal(result.rung, "vp");
  assert.equal(result.cta, "close-the-gap");
  assert.match(result_link, /#levels-quiz=[A-Za-z0-9_-]+$/);
  return result_link;
}
/** The option index of each STUCK_VP answer, question by question. */
export const STUCK_VP_INDEXES = STUCK_VP.map((id, q) => content.questions[q].options.findIndex((o) => o.id === id));

/** Init scripts that break storage as browsers do: blocked outright, or full. */
export const BLOCKED_STORAGE = {
  "a localStorage getter that throws SecurityError": () =>
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("blocked", "SecurityError");
      },
    }),
  "a setItem that throws QuotaExceededError": () => {
    Storage.prototype.setItem = function () {
      throw new DOMException("full", "QuotaExceededError");
    };
  },
};

/** Every event the element documents. */
export const EVENT_NAMES = ["ready", "start", "answer", "complete", "cta", "lead", "error"];

// Runs before the page's scripts: records every levels-quiz:* event that reaches the
// document, with its flags and a JSON copy of its detail.
function recordEvents(names) {
  window.__lqEvents = [];
  for (const name of names) {
    document.addEventListener(`levels-quiz:${name}`, (event) => {
      window.__lqEvents.push({
        type: event.type,
        bubbles: event.bubbles,
        composed: event.composed,
        target: event.target?.tagName?.toLowerCase() ?? null,
        detail: event.detail == null ? event.detail : JSON.parse(JSON.stringify(event.detail)),
      });
    });
  }
}

/**
 * Opens `path` in a fresh context (1000x900, reduced motion). `init` scripts run
 * before the page's own, after the event recorder. `errors` collects page errors and
 * console errors; `warnings` console warnings; `posts` every non-GET request.
 */
export async function openPage(browser, origin, path, { init = [], permissions, viewport = { width: 1000, height: 900 }, ...options } = {}) {
  const context = await browser.newContext({ viewport, reducedMotion: "reduce", ...options });
  if (permissions) await context.grantPermissions(permissions, { origin });
  await context.addInitScript(recordEvents, EVENT_NAMES);
  for (const script of init) await context.addInitScript(script);
  const page = await context.newPage();
  const errors = [];
  const warnings = [];
  const posts = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
    if (msg.type() === "warning") warnings.push(msg.text());
  });
  page.on("request", (request) => request.method() !== "GET" && posts.push(request));
  if (path !== null) await page.goto(origin + path);
  const quiz = new Quiz(page);
  return { page, context, quiz, errors, warnings, posts };
}

/** The widget events recorded so far (optionally one type, without the prefix). */
export async function events(page, name) {
  const all = await page.evaluate(() => window.__lqEvents ?? []);
  return name ? all.filter((e) => e.type === `levels-quiz:${name}`) : all;
}

/** Waits until the `name` event has been recorded `count` times; returns the last. */
export async function waitForEvent(page, name, count = 1) {
  await page.waitForFunction(
    ([type, count]) => (window.__lqEvents ?? []).filter((e) => e.type === type).length >= count,
    [`levels-quiz:${name}`, count],
  );
  return (await events(page, name)).at(-1);
}

/**
 * An init script that stores `value` under `key` once per tab (reloads keep whatever
 * the widget saved since).
 */
export function seedOnce(key, value) {
  return `if (!sessionStorage.getItem("__lqSeeded")) {
    sessionStorage.setItem("__lqSeeded", "1");
    localStorage.setItem(${JSON.stringify(key)}, ${JSON.stringify(value)});
  }`;
}

/** Saved progress in the widget's format: on `screen` ("i", "q<n>", "l", "r") with `indexes`. */
export function progress(screen, indexes) {
  const answers = content.questions.map((_, q) => (indexes[q] == null ? "-" : String(indexes[q]))).join("");
  return `1|${screen}|${answers}`;
}

/** Seeds saved progress on the last question, with every earlier one answered as STUCK_VP. */
export function onLastQuestion() {
  const last = content.questions.length - 1;
  return seedOnce(STORAGE_KEY, progress(`q${last}`, STUCK_VP_INDEXES.slice(0, last)));
}

/** Seeds saved progress on the result of STUCK_VP. */
export function onResult() {
  return seedOnce(STORAGE_KEY, progress("r", STUCK_VP_INDEXES));
}

/** Answers the last question as STUCK_VP does and presses "See my result". */
export async function finishLast(quiz) {
  await quiz.waitFor("question");
  await quiz.answer(STUCK_VP.at(-1));
}

/** Describes the focused element, looking through shadow roots: "TAG.class#id". */
export function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return "BODY";
    return `${el.tagName}${el.className ? `.${String(el.className).trim().split(/\s+/).join(".")}` : ""}${el.id ? `#${el.id}` : ""}`;
  });
}

/** Whether the focused element (through shadow roots) is inside the widget's dialog. */
export function focusInDialog(page) {
  return page.evaluate(() => {
    const root = document.querySelector("levels-quiz").shadowRoot;
    const dialog = root.querySelector("dialog.lq-dialog");
    const active = root.activeElement;
    return Boolean(active && dialog.contains(active));
  });
}

/** Makes a click on the CTA not navigate (a capture listener cancels it first). */
export function holdCtaNavigation(page) {
  return page.evaluate(() => {
    document.addEventListener(
      "click",
      (event) => {
        if (event.composedPath().some((el) => el.classList?.contains("lq-cta-button"))) event.preventDefault();
      },
      true,
    );
  });
}

/** The result screen's identity: verdict, level and the applying causes. */
export async function resultIdentity(quiz) {
  const result = quiz.host.locator('[data-screen="result"]');
  return {
    verdict: await result.getAttribute("data-verdict"),
    level: await result.getAttribute("data-level"),
    causes: await quiz.host.locator("[data-cause]").evaluateAll((els) => els.map((el) => el.dataset.cause)),
  };
}
