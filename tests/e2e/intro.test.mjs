// End-to-end: intro="off", the quiz opening on question 1 because the page around it is
// its introduction (tests/e2e/pages/intro-off.html), in headless Chromium.
//
// Run: node --test --test-concurrency=1 tests/e2e/intro.test.mjs
// Screenshots land in tests/e2e/artifacts/marketer/intro-off-*.png.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  content,
  events,
  eventually,
  focused,
  focusInDialog,
  launch,
  marketerArtifacts,
  openPage,
  progress,
  seedOnce,
  startServer,
  STORAGE_KEY,
  STUCK_VP,
  STUCK_VP_INDEXES,
  waitForEvent,
} from "./marketer-support.mjs";

const TOTAL = content.questions.length;
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The page with intro="off" and `attrs` set on the element. */
function page(attrs = {}) {
  const params = new URLSearchParams(Object.entries(attrs).map(([name, value]) => [`lq-${name}`, value]));
  const search = params.toString();
  return `/pages/intro-off.html${search ? `?${search}` : ""}`;
}

// Records layout shifts from the start (an init script, before the page's own).
function recordShifts() {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__shifts.push({ value: e.value, input: e.hadRecentInput });
  }).observe({ type: "layout-shift", buffered: true });
}

function open(path, options = {}) {
  return openPage(browser, server.origin, path, { ...options, init: [recordShifts, ...(options.init ?? [])] });
}

const DATA_LAYER = "window.dataLayer = [];";

/** The recorded event names, without the prefix. */
async function names(page) {
  return (await events(page)).map((e) => e.type.replace("levels-quiz:", ""));
}

function progressText(quiz) {
  return quiz.host.locator(".lq-progress-label").textContent();
}

describe('intro="off"', () => {
  for (const [label, viewport] of [
    ["phone", PHONE],
    ["desktop", DESKTOP],
  ]) {
    test(`opens on question 1 at ${viewport.width}px, without moving the page or taking focus`, async () => {
      const { page: tab, context, quiz, errors, warnings } = await open(page(), { viewport, locale: "en-US" });
      await quiz.waitFor("question");
      assert.equal(await quiz.host.locator('[data-screen="intro"]').count(), 0);
      assert.equal(await progressText(quiz), `Question 1 of ${TOTAL}`);
      // The intro's language switch and privacy line, on question 1; no Back.
      assert.equal(await quiz.host.locator(".lq-progress-line .lq-langs button").count(), 2);
      assert.equal(await quiz.host.locator(".lq-nav .lq-privacy").textContent(), content.intro.privacy);
      assert.equal(await quiz.host.locator(".lq-nav button").count(), 1);
      // Question 1 fits the room reserved while loading: nothing below moved.
      await tab.waitForTimeout(300);
      assert.deepEqual(await tab.evaluate(() => window.__shifts), [], "layout shifts while mounting");
      // The page's reading order comes first: no focus pulled into the widget, no
      // start event for a page view, nothing saved before an answer.
      assert.equal(await focused(tab), "BODY");
      assert.deepEqual(await names(tab), ["ready"]);
      assert.equal(await tab.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), null);
      // The privacy line and Next share a row, and nothing overflows.
      const [privacy, next] = await Promise.all(
        [".lq-nav .lq-privacy", ".lq-nav button[type=submit]"].map((s) => quiz.host.locator(s).boundingBox()),
      );
      assert.ok(privacy.x + privacy.width <= next.x, "the privacy line ends before Next");
      assert.ok(privacy.y < next.y + next.height && next.y < privacy.y + privacy.height, "on one row");
      const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page overflows by ${overflow}px`);
      await tab.screenshot({ path: join(marketerArtifacts, `intro-off-${label}-question-1.png`), fullPage: true });
      assert.deepEqual(errors, []);
      assert.deepEqual(warnings, []);
      await context.close();
    });
  }

  test("a keyboard-only visitor completes it; start fires once, before the first answer, and once more after Start over", async () => {
    const { page: tab, context, quiz, errors } = await open(page({ analytics: "on" }), { viewport: PHONE, init: [DATA_LAYER] });
    await quiz.waitFor("question");
    // Tab from the top of the page: the language switch, then the options.
    for (let i = 0; i < 10 && !(await focused(tab)).startsWith("INPUT"); i++) await tab.keyboard.press("Tab");
    assert.match(await focused(tab), /^INPUT/);
    for (let n = 1; n <= TOTAL; n++) {
      await tab.waitForFunction(
        (n) => document.querySelector("levels-quiz").shadowRoot.querySelector(".lq-progress-label")?.textContent.startsWith(`Question ${n} `),
        n,
      );
      if (n > 1) {
        // Focus is on the prompt; Tab enters the radio group.
        assert.match(await eventually(() => focused(tab), /^H2/), /^H2/);
        await tab.keyboard.press("Tab");
      }
      await tab.keyboard.press("ArrowDown");
      await tab.keyboard.press("ArrowUp");
      await tab.keyboard.press("Space");
      assert.equal(await quiz.host.locator("input:checked").count(), 1, `question ${n} has an answer`);
      await tab.keyboard.press("Enter");
    }
    await quiz.waitFor("result");
    await waitForEvent(tab, "complete");
    let seen = await names(tab);
    assert.equal(seen.filter((n) => n === "start").length, 1, seen.join());
    assert.equal(seen.indexOf("start"), seen.indexOf("answer") - 1, "start comes just before the first answer");
    // Start over returns to question 1 (and its heading takes focus); the new run
    // begins at its own first answer.
    await quiz.host.locator(".lq-end button").first().focus();
    await tab.keyboard.press("Enter");
    await quiz.waitFor("question");
    assert.equal(await progressText(quiz), `Question 1 of ${TOTAL}`);
    assert.match(await eventually(() => focused(tab), /^H2/), /^H2\.lq-prompt/);
    seen = await names(tab);
    assert.equal(seen.filter((n) => n === "start").length, 1, "no start before the new run's first answer");
    await quiz.host.locator(`input[value="${STUCK_VP[0]}"]`).locator("..").click();
    await quiz.host.locator(`input[value="${content.questions[0].options[0].id}"]`).locator("..").click();
    await waitForEvent(tab, "start", 2);
    seen = await names(tab);
    assert.equal(seen.filter((n) => n === "start").length, 2, seen.join());
    // Analytics count what the events count.
    const layer = await tab.evaluate(() => window.dataLayer.map((e) => e.event));
    assert.equal(layer.filter((e) => e === "levels_quiz_start").length, 2, layer.join());
    await tab.screenshot({ path: join(marketerArtifacts, "intro-off-phone-started-over.png"), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("saved progress still wins: a reload resumes where the visitor was, with no second start", async () => {
    const saved = seedOnce(STORAGE_KEY, progress("q2", STUCK_VP_INDEXES.slice(0, 2)));
    const { page: tab, context, quiz, errors } = await open(page(), { init: [saved] });
    await quiz.waitFor("question");
    assert.equal(await progressText(quiz), `Question 3 of ${TOTAL}`);
    assert.equal(await quiz.host.locator(".lq-privacy").count(), 0);
    await quiz.answer(STUCK_VP[2]);
    await tab.waitForFunction(() => document.querySelector("levels-quiz").shadowRoot.querySelector(".lq-progress-label")?.textContent.startsWith("Question 4 "));
    // Back to question 1: no Back there.
    for (let n = 4; n > 1; n--) await quiz.host.locator(".lq-nav button.lq-secondary").click();
    assert.equal(await progressText(quiz), `Question 1 of ${TOTAL}`);
    assert.equal(await quiz.host.locator(".lq-nav button.lq-secondary").count(), 0);
    assert.deepEqual((await names(tab)).filter((n) => n === "start"), [], "a resumed run has begun already");
    assert.equal(await tab.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), progress("q0", STUCK_VP_INDEXES.slice(0, 3)));
    await tab.reload();
    await quiz.waitFor("question");
    assert.equal(await progressText(quiz), `Question 1 of ${TOTAL}`);
    assert.equal(await quiz.host.locator(`input[value="${STUCK_VP[0]}"]`).isChecked(), true);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("restart() starts over on question 1 and forgets the saved progress", async () => {
    const saved = seedOnce(STORAGE_KEY, progress("q2", STUCK_VP_INDEXES.slice(0, 2)));
    const { page: tab, context, quiz, errors } = await open(page(), { init: [saved] });
    await quiz.waitFor("question");
    assert.equal(await progressText(quiz), `Question 3 of ${TOTAL}`);
    await tab.evaluate(() => document.querySelector("levels-quiz").restart());
    await tab.waitForFunction(() => document.querySelector("levels-quiz").shadowRoot.querySelector(".lq-progress-label")?.textContent.startsWith("Question 1 "));
    assert.equal(await quiz.host.locator(`input:checked`).count(), 0);
    assert.equal(await eventually(() => tab.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), /^null$/), null);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('mode="popup": the dialog opens on question 1, and the first answer starts the run', async () => {
    const { page: tab, context, quiz, errors } = await open(page({ mode: "popup" }));
    const trigger = quiz.host.locator(".lq-trigger");
    await trigger.waitFor();
    // No room is kept for a question the page does not show: only the trigger's.
    const height = await quiz.host.evaluate((el) => el.getBoundingClientRect().height);
    assert.ok(height < 200, `${height}px`);
    await trigger.click();
    assert.equal(await focusInDialog(tab), true);
    await quiz.waitFor("question");
    assert.equal(await progressText(quiz), `Question 1 of ${TOTAL}`);
    assert.deepEqual(await names(tab), ["ready"]);
    await quiz.host.locator(`input[value="${STUCK_VP[0]}"]`).locator("..").click();
    await waitForEvent(tab, "start");
    assert.deepEqual(await names(tab), ["ready", "start", "answer"]);
    await tab.screenshot({ path: join(marketerArtifacts, "intro-off-popup.png") });
    await tab.keyboard.press("Escape");
    assert.equal(await focused(tab), "BUTTON.lq-button.lq-primary.lq-trigger");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("turned off on a running widget, on its intro: it moves to question 1; a bad value warns", async () => {
    const { page: tab, context, quiz, warnings, errors } = await open(page({ intro: "on" }));
    await quiz.waitFor("intro");
    await tab.evaluate(() => document.querySelector("levels-quiz").setAttribute("intro", "off"));
    await quiz.waitFor("question");
    assert.equal(await focused(tab), "BODY");
    await tab.evaluate(() => document.querySelector("levels-quiz").setAttribute("intro", "sometimes"));
    assert.ok(
      (await eventually(() => warnings.join("\n"), /intro="sometimes"/)).includes(
        '<levels-quiz>: intro="sometimes" is not one of on, off; using on',
      ),
      warnings.join("\n"),
    );
    // A visitor on question 1 is not sent back to an intro.
    assert.equal(await progressText(quiz), `Question 1 of ${TOTAL}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
