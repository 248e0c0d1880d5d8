// End-to-end: the content preview page (dist/preview.html; README.md, "Your own
// content"). A broken file shows every problem by place and a syntax error by line and
// column; a valid one runs the quiz with its texts; the result explorer agrees with
// `levels-content score`; Download gives back the checked text; the page is labelled
// (axe) and makes no request outside its own origin.
//
// Run: node --test --test-concurrency=1 tests/e2e/preview.test.mjs
// Screenshots at phone and desktop widths land in tests/e2e/artifacts/preview/.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { artifacts, eventually, launch, Quiz, repo, startServer, STUCK_VP } from "./support.mjs";

const EN = await readFile(join(repo, "content/en.json"), "utf8");
const PAGE = "/dist/preview.html";
const AXE = join(repo, "node_modules/axe-core/axe.min.js");
const shots = join(artifacts, "preview");

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launch();
  await mkdir(shots, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The preview page, with every request it makes and every error it logs recorded. */
async function open(viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, reducedMotion: "reduce", acceptDownloads: true });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (msg) => msg.type() === "error" && errors.push(`console: ${msg.text()}`));
  await page.goto(server.origin + PAGE);
  return { page, context, requests, errors };
}

/** Pastes `text` into the text area (as typing does: an input event) and waits for the check. */
async function paste(page, text) {
  await page.locator("#content-text").fill(text);
  await eventually(() => page.locator("#status").textContent(), /problem|No problems/, 10_000);
}

const status = (page) => page.locator("#status").textContent();

/** The CLI's outcome for these answers (what the explorer must agree with). */
function cliScore(answers) {
  const out = execFileSync("cargo", ["run", "--quiet", "--bin", "levels-content", "--", "score", "content/en.json", answers.join(",")], {
    cwd: repo,
    encoding: "utf8",
  });
  return JSON.parse(out);
}

describe("the preview page", () => {
  test("a broken file: every problem by place; a syntax error by line and column, and Go to puts the cursor there", async () => {
    const { page, context, errors } = await open();
    const content = JSON.parse(EN);
    content.questions[4].options[2].weights.communication = 9;
    content.questions[2].promt = content.questions[2].prompt;
    await paste(page, JSON.stringify(content, null, 2));
    assert.match(await status(page), /2 problems/);
    const places = await page.locator("#problems li").evaluateAll((items) => items.map((li) => li.dataset.place));
    assert.deepEqual(places.sort(), ["questions[2].promt", "questions[4].options[2].weights.communication"]);
    assert.match(await page.locator("#problems li[data-place='questions[4].options[2].weights.communication']").textContent(), /found 9/);
    assert.equal(await page.locator("#download").isDisabled(), true);
    assert.equal(await page.locator("#quiz-slot levels-quiz").count(), 0);
    assert.equal(await page.locator("#explorer").isHidden(), true);

    // A trailing comma: serde_json finds it at the closing brace, line 4.
    await paste(page, '{\n  "format": 1,\n  "id": "x",\n}');
    assert.match(await status(page), /1 problem/);
    const item = page.locator("#problems li").first();
    assert.equal(await item.getAttribute("data-line"), "4");
    assert.equal(await item.getAttribute("data-column"), "1");
    assert.match(await item.textContent(), /not valid JSON/);
    await item.locator("button").press("Enter");
    const cursor = await page.locator("#content-text").evaluate((t) => [document.activeElement === t, t.selectionStart]);
    assert.deepEqual(cursor, [true, '{\n  "format": 1,\n  "id": "x",\n'.length]);
    await screenshot(page, "broken-desktop");
    // Hostile nesting is a problem like any other, not a crash of the checker.
    await paste(page, "[".repeat(100_000));
    assert.match(await status(page), /1 problem/);
    assert.match(await page.locator("#problems li").first().textContent(), /recursion limit/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a valid file with a changed question: the quiz runs with the new text; Download gives back the text", async () => {
    const { page, context, errors, requests } = await open();
    const content = JSON.parse(EN);
    const changed = "PREVIEW: How many people report to you, directly or not?";
    content.questions[1].prompt = changed;
    const text = JSON.stringify(content, null, 2);
    await paste(page, text);
    assert.match(await status(page), /No problems/);
    assert.equal(await page.locator("#problems-box").isHidden(), true);

    const quiz = new Quiz(page, page.locator("#quiz-slot levels-quiz"));
    await quiz.waitFor("intro");
    await quiz.start();
    await quiz.answer(content.questions[0].options[0].id);
    await page.waitForFunction(
      (id) => document.querySelector("#quiz-slot levels-quiz")?.shadowRoot?.querySelector(`[data-question="${id}"]`),
      content.questions[1].id,
    );
    assert.equal(await quiz.host.locator(".lq-prompt").textContent(), changed);

    // A whitespace edit checks again but does not restart the quiz.
    await paste(page, `${text}\n`);
    assert.equal(await quiz.host.locator(".lq-prompt").textContent(), changed);

    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#download").click()]);
    assert.equal(download.suggestedFilename(), `${content.id}.json`);
    assert.equal(await readFile(await download.path(), "utf8"), `${text}\n`);

    // Opening a file from disk: its text is checked, and Download keeps its name.
    await page.locator("#open-file").setInputFiles({ name: "coach-quiz.json", mimeType: "application/json", buffer: Buffer.from(EN) });
    await eventually(() => page.locator("#content-text").inputValue(), /levels-of-value/, 10_000);
    assert.match(await eventually(() => status(page), /No problems/, 10_000), /No problems/);
    const [opened] = await Promise.all([page.waitForEvent("download"), page.locator("#download").click()]);
    assert.equal(opened.suggestedFilename(), "coach-quiz.json");
    assert.equal(await readFile(await opened.path(), "utf8"), EN);

    const origin = new URL(server.origin).origin;
    const outside = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith("blob:") && !url.startsWith("data:"));
    assert.deepEqual(outside, [], "every request stays on the page's origin");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("the result explorer agrees with levels-content score, and updates as the answers change", async () => {
    const { page, context, errors } = await open();
    await page.locator("#load-example").click();
    await eventually(() => status(page), /No problems/, 10_000);
    assert.equal(await page.locator("#content-text").inputValue(), EN);
    await page.locator("#explorer").waitFor();

    const firsts = JSON.parse(EN).questions.map((q) => q.options[0].id);
    for (const answers of [firsts, STUCK_VP]) {
      for (const [i, id] of answers.entries()) await page.locator(`#answer-${i}`).selectOption(id);
      const cli = cliScore(answers);
      const shown = await page.locator("#result").evaluate((result) => {
        const ids = (field) => [...result.querySelectorAll(`[data-field="${field}"] li .pv-id`)].map((c) => c.textContent);
        const one = (field) => result.querySelector(`[data-field="${field}"] .pv-id`)?.textContent ?? null;
        return {
          operating_level: one("operating"),
          title_level: one("title"),
          rung: one("rung"),
          verdict: one("verdict"),
          split_with: one("split"),
          next_steps: ids("next-steps"),
          causes: ids("causes"),
          cta: result.querySelector('[data-field="cta"]').dataset.variant,
        };
      });
      assert.deepEqual(shown, {
        operating_level: cli.operating_level,
        title_level: cli.title_level,
        rung: cli.rung,
        verdict: cli.verdict,
        split_with: cli.split_with,
        next_steps: cli.next_steps,
        causes: cli.causes.map((c) => c.id),
        cta: cli.cta,
      });
    }
    await screenshot(page, "explorer-desktop");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("at phone width: usable, and axe finds nothing on the page and the quiz", async () => {
    const { page, context, errors } = await open({ width: 375, height: 812 });
    await screenshot(page, "empty-phone");
    await page.locator("#load-example").focus();
    await page.keyboard.press("Enter");
    await eventually(() => status(page), /No problems/, 10_000);
    await page.locator("#quiz-slot levels-quiz [data-screen=intro]").first().waitFor();
    await page.locator("#answer-0").selectOption("role-vp");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `no sideways scrolling at phone width (page is ${width} px wide)`);
    await screenshot(page, "valid-phone");
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const results = await window.axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] });
      return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`);
    });
    assert.deepEqual(violations, []);
    await paste(page, "{ not json");
    await screenshot(page, "broken-phone");
    assert.deepEqual(errors, []);
    await context.close();
  });
});

async function screenshot(page, name) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}
