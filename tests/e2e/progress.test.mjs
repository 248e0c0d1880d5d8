// End-to-end: progress since last time. A completed result is remembered on the
// visitor's device; taking the quiz again shows how the profile moved, on the chart and
// in a sentence, with a way to forget it. Shared links, blocked storage and
// persist="off" show nothing.
//
// Run: node --test --test-concurrency=1 tests/e2e/progress.test.mjs
// Screenshots land in tests/e2e/artifacts/progress/.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { artifacts, repo } from "./support.mjs";
import { completeFast, settle } from "./hosts-support.mjs";
import { BLOCKED_STORAGE, content, events, launch, openPage, startServer, STUCK_VP, waitForEvent } from "./marketer-support.mjs";

const KEY = `levels-quiz:${content.id}:results`;
const UI = content.ui;
const AXE = join(repo, "node_modules/axe-core/axe.min.js");
const shots = join(artifacts, "progress");

/** The same VP some weeks before STUCK_VP: more of the week spent doing the work. */
const EARLIER_VP = STUCK_VP.map(
  (id) =>
    ({
      "hours-fires-team": "hours-doing",
      "stall-coordinate": "stall-fix",
      "delegate-assign": "delegate-takeback",
      "meetings-ops": "meetings-work",
    })[id] ?? id,
);

let server;
let browser;

before(async () => {
  await mkdir(shots, { recursive: true });
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function open(path, options) {
  return openPage(browser, server.origin, path, options);
}

/** Completes the quiz from the intro with `answers` and waits for its complete event. */
async function complete(page, quiz, answers) {
  const before = (await events(page, "complete")).length;
  await quiz.waitFor("intro");
  assert.equal(await completeFast(quiz.host, answers), "result");
  return (await waitForEvent(page, "complete", before + 1)).detail;
}

/** Starts over from the result. */
async function startOver(quiz) {
  await quiz.host.locator(".lq-end button").click();
  await quiz.waitFor("intro");
}

/** The sentence the widget should say, from the two outcomes' profiles. */
function expectedSentence(earlier, now, date, ui = UI, levels = content.levels) {
  const order = ["implementation", "unification", "communication"];
  let best = null;
  for (const level of order) {
    const gain = now.profile[level] - earlier.profile[level];
    if (gain > 0 && (!best || gain >= best.gain)) best = { level, gain };
  }
  if (!best) return ui.earlier_same.replace("{date}", date);
  return ui.earlier_moved
    .replace("{date}", date)
    .replace("{level}", levels[best.level].name)
    .replace("{points}", String(best.gain));
}

/** Today as the widget writes it for `language`. */
function today(page, language) {
  return page.evaluate((language) => new Date().toLocaleDateString(language, { dateStyle: "long" }), language);
}

/** Whether the result shows any trace of a comparison. */
async function comparisonShown(quiz) {
  return (await quiz.host.locator(".lq-earlier, .lq-bar-earlier, .lq-chart-key").count()) > 0;
}

/** Screenshot of the profile block (chart, summary, comparison). */
async function shotProfile(page, quiz, name) {
  await settle(page);
  await quiz.host.locator(".lq-profile").screenshot({ path: join(shots, `${name}.png`) });
}

describe("progress since last time", () => {
  test("a second result shows how the week moved, with thin bars, a key and words; Forget removes it", async () => {
    const { page, context, quiz, errors } = await open("/pages/plain.html");
    // The first result: nothing to compare with, and remembered as answers and a day.
    const first = await complete(page, quiz, EARLIER_VP);
    assert.equal(await comparisonShown(quiz), false);
    const stored = await page.evaluate((key) => localStorage.getItem(key), KEY);
    assert.match(stored, /^r1\|\d{4}-\d\d-\d\d:[A-Za-z0-9_-]+$/);

    // Start over, answer differently: the result says how the week moved since.
    await startOver(quiz);
    const second = await complete(page, quiz, STUCK_VP);
    const date = await today(page, "en");
    const sentence = expectedSentence(first, second, date);
    assert.match(sentence, /^Since .+, more of your week has moved to Unification \(\+\d+ points\)\.$/);
    const text = quiz.host.locator(".lq-earlier-text");
    assert.equal(await text.textContent(), sentence);
    // One thin bar under each level's bar, and one in the key, which names the day.
    assert.equal(await quiz.host.locator(".lq-row .lq-bar-earlier").count(), 3);
    assert.equal(await quiz.host.locator(".lq-key-text").textContent(), `Your result on ${date}`);
    const label = await quiz.host.locator("svg.lq-chart").getAttribute("aria-label");
    const earlierShares = ["implementation", "unification", "communication"]
      .map((level) => `${content.levels[level].name} ${first.profile[level]}%`)
      .join(", ");
    assert.ok(label.endsWith(`Your result on ${date}: ${earlierShares}.`), label);
    // Two results kept, newest last.
    assert.match(await page.evaluate((key) => localStorage.getItem(key), KEY), /^r1\|[^|]+\|[^|]+$/);
    // The complete event's outcome is the same as without a comparison.
    assert.deepEqual(Object.keys(second).sort(), Object.keys(first).sort());

    // Accessible, colour contrast included.
    await page.addScriptTag({ path: AXE });
    await settle(page);
    const violations = await page.evaluate(async () => {
      const results = await window.axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] });
      return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`);
    });
    assert.deepEqual(violations, []);

    // As a visitor sees it, on a desktop and on a phone.
    await shotProfile(page, quiz, "compared-desktop");
    await page.setViewportSize({ width: 375, height: 800 });
    await shotProfile(page, quiz, "compared-phone");
    await page.screenshot({ path: join(shots, "compared-phone-page.png"), fullPage: true });
    await page.setViewportSize({ width: 1000, height: 900 });

    // A reload resumes on the result, and compares with the same earlier result.
    await page.reload();
    await quiz.waitFor("result");
    await text.waitFor();
    assert.equal(await text.textContent(), sentence);

    // Forget, by keyboard: the comparison goes, a line says so and has the focus.
    await quiz.host.locator(".lq-forget").focus();
    await page.keyboard.press("Enter");
    const forgotten = quiz.host.locator(".lq-forgotten");
    await forgotten.waitFor();
    assert.equal(await forgotten.textContent(), UI.earlier_forgotten);
    assert.equal(await quiz.host.locator(".lq-bar-earlier, .lq-earlier-text, .lq-forget").count(), 0);
    assert.equal(
      await page.waitForFunction(() => document.querySelector("levels-quiz").shadowRoot.activeElement?.classList.contains("lq-forgotten")).then(() => true),
      true,
    );
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), null);
    await shotProfile(page, quiz, "forgotten-desktop");

    // Taking it once more: nothing earlier to compare with.
    await startOver(quiz);
    await complete(page, quiz, EARLIER_VP);
    assert.equal(await comparisonShown(quiz), false);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a week spread as before says so; a third result compares with the one just before", async () => {
    const { page, context, quiz, errors } = await open("/pages/plain.html");
    const first = await complete(page, quiz, EARLIER_VP);
    await startOver(quiz);
    // Only the time in the role changed: the same shares.
    const again = await complete(page, quiz, EARLIER_VP.map((id) => (id === "tenure-settling" ? "tenure-long" : id)));
    assert.deepEqual(again.profile, first.profile);
    const date = await today(page, "en");
    assert.equal(await quiz.host.locator(".lq-earlier-text").textContent(), `Your week is spread across the levels as it was on ${date}.`);
    assert.equal(await quiz.host.locator(".lq-earlier").getAttribute("data-moved"), "none");
    await startOver(quiz);
    await complete(page, quiz, STUCK_VP);
    await startOver(quiz);
    // Back to the first answers: compared with the STUCK_VP result, the newest.
    await complete(page, quiz, EARLIER_VP);
    assert.match(await quiz.host.locator(".lq-earlier-text").textContent(), /more of your week has moved to Implementation/);
    // At most three kept.
    assert.equal((await page.evaluate((key) => localStorage.getItem(key), KEY)).split("|").length, 4);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("in Chinese, the sentence and the day read in Chinese", async () => {
    const { page, context, quiz, errors } = await open("/pages/zh.html", { viewport: { width: 375, height: 800 } });
    const zh = JSON.parse(await import("node:fs/promises").then((fs) => fs.readFile(join(repo, "content/zh-CN.json"), "utf8")));
    const first = await complete(page, quiz, EARLIER_VP);
    await startOver(quiz);
    const second = await complete(page, quiz, STUCK_VP);
    const date = await today(page, "zh-CN");
    assert.match(date, /^\d{4}年\d{1,2}月\d{1,2}日$/);
    const text = await quiz.host.locator(".lq-earlier-text").textContent();
    assert.equal(text, expectedSentence(first, second, date, zh.ui, zh.levels));
    assert.equal(await quiz.host.locator(".lq-forget").textContent(), zh.ui.earlier_forget);
    await shotProfile(page, quiz, "compared-phone-zh");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a shared link opened in a fresh browser shows no comparison and is not remembered", async () => {
    const mine = await open("/pages/plain.html", { permissions: ["clipboard-read", "clipboard-write"] });
    await complete(mine.page, mine.quiz, EARLIER_VP);
    await startOver(mine.quiz);
    await complete(mine.page, mine.quiz, STUCK_VP);
    await mine.quiz.host.locator(".lq-earlier-text").waitFor();
    await mine.quiz.host.locator(".lq-share").click();
    await mine.quiz.host.locator(".lq-actions .lq-ok").waitFor();
    const link = await mine.page.evaluate(() => navigator.clipboard.readText());
    assert.match(link, /#levels-quiz=[A-Za-z0-9_-]+$/);
    const remembered = await mine.page.evaluate((key) => localStorage.getItem(key), KEY);
    await mine.context.close();

    // Another visitor, with a result of their own remembered on their device.
    const other = await open(null, {
      init: [`localStorage.setItem(${JSON.stringify(KEY)}, ${JSON.stringify(remembered.split("|").slice(0, 2).join("|"))})`],
    });
    await other.page.goto(link);
    await other.quiz.waitFor("result");
    await waitForEvent(other.page, "complete");
    await other.page.waitForTimeout(300);
    assert.equal(await comparisonShown(other.quiz), false);
    assert.equal(
      await other.page.evaluate((key) => localStorage.getItem(key), KEY),
      remembered.split("|").slice(0, 2).join("|"),
      "the shared result is not remembered",
    );
    // Their own run after starting over is compared with their own earlier result.
    await startOver(other.quiz);
    await complete(other.page, other.quiz, STUCK_VP);
    await other.quiz.host.locator(".lq-earlier-text").waitFor();
    assert.deepEqual(other.errors, []);
    await other.context.close();
  });

  for (const [name, script] of Object.entries(BLOCKED_STORAGE)) {
    test(`${name}: no comparison and no error`, async () => {
      const { page, context, quiz, errors } = await open("/pages/plain.html", { init: [script] });
      await complete(page, quiz, EARLIER_VP);
      await startOver(quiz);
      await complete(page, quiz, STUCK_VP);
      await page.waitForTimeout(300);
      assert.equal(await comparisonShown(quiz), false);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test("corrupt remembered results: no comparison and no error, and the next run compares again", async () => {
    const corrupt = `localStorage.setItem(${JSON.stringify(KEY)}, "r1|2025-02-30:%%%|garbage|\\u0000|2025-01-01:AAAAAAAAAAAA")`;
    const { page, context, quiz, errors } = await open("/pages/plain.html", { init: [corrupt] });
    await complete(page, quiz, EARLIER_VP);
    await page.waitForTimeout(300);
    assert.equal(await comparisonShown(quiz), false);
    assert.match(await page.evaluate((key) => localStorage.getItem(key), KEY), /^r1\|\d{4}-\d\d-\d\d:[A-Za-z0-9_-]+$/);
    await startOver(quiz);
    await complete(page, quiz, STUCK_VP);
    await quiz.host.locator(".lq-earlier-text").waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('persist="off": nothing remembered, nothing shown', async () => {
    const { page, context, quiz, errors } = await open("/pages/plain.html");
    await quiz.waitFor("intro");
    await page.evaluate(() => document.querySelector("levels-quiz").setAttribute("persist", "off"));
    await complete(page, quiz, EARLIER_VP);
    await startOver(quiz);
    await complete(page, quiz, STUCK_VP);
    await page.waitForTimeout(300);
    assert.equal(await comparisonShown(quiz), false);
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
