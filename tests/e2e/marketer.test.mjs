// End-to-end: the marketer controls of <levels-quiz> (attributes, events, the element
// API, printing) on host pages in tests/e2e/pages/marketer/, in headless Chromium.
//
// Run: node --test --test-concurrency=1 tests/e2e/marketer.test.mjs
// Artifacts (PDFs, the print screenshot) land in tests/e2e/artifacts/marketer/.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import {
  content,
  events,
  eventually,
  finishLast,
  focused,
  focusInDialog,
  holdCtaNavigation,
  launch,
  marketerArtifacts,
  onLastQuestion,
  onResult,
  openPage,
  progress,
  Quiz,
  resultIdentity,
  BLOCKED_STORAGE,
  seedOnce,
  startServer,
  STORAGE_KEY,
  STUCK_VP,
  STUCK_VP_INDEXES,
  STUCK_VP_OUTCOME,
  STUCK_VP_CTA,
  checkLead,
  waitForEvent,
} from "./marketer-support.mjs";
import { CUSTOM_PROMPT, CUSTOM_TITLE, INLINE_TITLE, ODD_KEY, writeContentVariants } from "./pages/marketer/make-content.mjs";

const HOST = "/pages/marketer/host.html";
const TOTAL = content.questions.length;
const UI = content.ui;

let server;
let browser;

before(async () => {
  writeContentVariants();
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The host page with `attrs` set on the element (and `query` left on the page URL). */
function host(attrs = {}, query = {}) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(attrs)) params.set(`lq-${name}`, value);
  for (const [name, value] of Object.entries(query)) params.set(name, value);
  const search = params.toString();
  return search ? `${HOST}?${search}` : HOST;
}

function open(path, options) {
  return openPage(browser, server.origin, path, options);
}

/** The element on the page. */
function element(page) {
  return page.locator("levels-quiz").first();
}

function storedProgress(page) {
  return page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
}

function dataLayer(page) {
  return page.evaluate(() => JSON.parse(JSON.stringify(window.dataLayer ?? null)));
}

// --------------------------------------------------------------------------------------

describe("content", () => {
  test("a URL of a custom JSON file is what the widget shows, its interface strings over the defaults", async () => {
    const { page, context, quiz, errors, warnings } = await open("/pages/marketer/content-custom.html");
    await quiz.waitFor("intro");
    assert.equal(await quiz.host.locator("[data-screen=intro] h2").textContent(), CUSTOM_TITLE);
    await quiz.start();
    assert.equal(await quiz.host.locator(".lq-prompt").textContent(), CUSTOM_PROMPT);
    // The file leaves `next` out: English's default fills it in, silently.
    assert.equal((await quiz.host.locator("button[type=submit]").textContent()).trim(), "Next");
    // A key this release no longer reads is a warning, not a refusal.
    assert.ok(warnings.some((w) => /<levels-quiz>: ui\.loading: /.test(w)), warnings.join("\n"));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("an inline <script type=application/json> child is what the widget shows (and wins over content=)", async () => {
    const { page, context, quiz, errors } = await open("/pages/marketer/inline.html");
    await quiz.waitFor("intro");
    assert.equal(await quiz.host.locator("[data-screen=intro] h2").textContent(), INLINE_TITLE);
    // The content attribute on that page names a missing file; it was never fetched.
    assert.equal((await events(page, "error")).length, 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(
    "with its own content the intro offers no language switch that cannot change it",
    async () => {
      const { context, quiz } = await open("/pages/marketer/content-custom.html");
      await quiz.waitFor("intro");
      assert.equal(await quiz.host.locator(".lq-langs").count(), 0);
      await context.close();
    },
  );

  for (const [name, code, expect] of [
    ["missing", "content-unavailable", /missing\.json could not be loaded \(HTTP 404\)/],
    ["broken", "content-invalid", /not valid JSON/],
    ["invalid", "content-invalid", /questions\[3\]\.options\[0\]\.weights\.unification/],
  ]) {
    test(`content="${name}.json" shows an error panel with located problems and fires levels-quiz:error`, async () => {
      const { page, context, quiz, errors } = await open(`/pages/marketer/content-${name}.html`);
      await quiz.waitFor("error");
      const panel = quiz.host.locator('[data-screen="error"]');
      assert.ok(await panel.isVisible());
      assert.equal(await panel.getAttribute("role"), "alert");
      await panel.locator("summary").click();
      const problems = await panel.locator(".lq-problems li").allTextContents();
      assert.ok(problems.length >= 1);
      assert.match(problems.join("\n"), expect);
      if (name === "invalid") {
        assert.match(problems.join("\n"), /questions\[/);
        // Quoted as Rust's {:?} would, which for this key is also JSON's (the shipped
        // checker has no Debug formatting to do it).
        assert.ok(problems.some((p) => p.includes(`cta[${JSON.stringify(ODD_KEY)}]`)), problems.join("\n"));
      }
      const error = await waitForEvent(page, "error");
      assert.equal(error.detail.code, code);
      assert.match(error.detail.message, expect);
      assert.equal(error.bubbles, true);
      assert.equal(error.composed, true);
      // The widget logs the problem for whoever set it up (and the browser the 404),
      // and nothing else goes wrong.
      const others = errors.filter((e) => !e.includes("<levels-quiz>") && !/status of 404/.test(e));
      assert.deepEqual(others, []);
      await context.close();
    });
  }
});

// --------------------------------------------------------------------------------------

describe("cta-href and cta-label", () => {
  test("the CTA carries the label, the outcome and the page's utm_* params, and fires levels-quiz:cta", async () => {
    const { page, context, quiz, errors } = await open(
      host(
        { "cta-href": "https://coach.example/book?ref=quiz", "cta-label": "Book a call with Sam" },
        { utm_source: "news", utm_campaign: "x", other: "dropped" },
      ),
      { init: [onResult()] },
    );
    await quiz.waitFor("result");
    const cta = quiz.host.locator("a.lq-cta-button");
    assert.equal((await cta.textContent()).trim(), "Book a call with Sam");
    const href = new URL(await cta.getAttribute("href"));
    assert.equal(href.origin + href.pathname, "https://coach.example/book");
    assert.deepEqual(Object.fromEntries(href.searchParams), {
      ref: "quiz",
      utm_source: "news",
      utm_campaign: "x",
      level: STUCK_VP_OUTCOME.level,
      verdict: STUCK_VP_OUTCOME.verdict,
    });

    // Clicking fires the event (navigation held by a capture listener on the page).
    await holdCtaNavigation(page);
    await cta.click();
    const event = await waitForEvent(page, "cta");
    assert.deepEqual(event.detail, STUCK_VP_CTA);

    // And a real click goes there.
    const { page: second, context: secondContext } = await open(
      host({ "cta-href": "https://coach.example/book" }, { utm_source: "news" }),
      { init: [onResult()] },
    );
    await secondContext.route("https://coach.example/**", (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Booking</h1>" }),
    );
    const secondQuiz = new Quiz(second);
    await secondQuiz.waitFor("result");
    await Promise.all([second.waitForURL("https://coach.example/**"), secondQuiz.host.locator("a.lq-cta-button").click()]);
    const landed = new URL(second.url());
    assert.equal(landed.searchParams.get("utm_source"), "news");
    assert.equal(landed.searchParams.get("level"), STUCK_VP_OUTCOME.level);
    assert.equal(landed.searchParams.get("verdict"), STUCK_VP_OUTCOME.verdict);
    assert.deepEqual(errors, []);
    await secondContext.close();
    await context.close();
  });

  test("without the attributes the CTA is the content's own", async () => {
    const { context, quiz } = await open(host(), { init: [onResult()] });
    await quiz.waitFor("result");
    const cta = quiz.host.locator("a.lq-cta-button");
    assert.equal((await cta.textContent()).trim(), content.cta.label);
    const href = new URL(await cta.getAttribute("href"));
    assert.equal(href.hash, content.cta.href);
    // The content's link is a #fragment on this page: it carries no query, which
    // would reload the page instead of jumping within it.
    assert.equal(href.searchParams.get("level"), null);
    await context.close();
  });
});

// --------------------------------------------------------------------------------------

describe("theme", () => {
  const background = (page) => element(page).evaluate((el) => getComputedStyle(el).backgroundColor);
  const DARK = "rgb(20, 25, 30)";
  const LIGHT = "rgb(255, 255, 255)";

  test("dark changes the widget's background; light and no theme are white; auto follows the browser, live", async () => {
    const { page, context, quiz, errors, warnings } = await open(host({ theme: "dark" }), { colorScheme: "light" });
    await quiz.waitFor("intro");
    assert.equal(await background(page), DARK);
    // The attribute applies on a running widget, mid-quiz.
    await quiz.start();
    await element(page).evaluate((el) => el.setAttribute("theme", "light"));
    assert.equal(await background(page), LIGHT);
    await element(page).evaluate((el) => el.removeAttribute("theme"));
    assert.equal(await background(page), LIGHT);
    await element(page).evaluate((el) => el.setAttribute("theme", "auto"));
    assert.equal(await background(page), LIGHT);
    await page.emulateMedia({ colorScheme: "dark" });
    assert.equal(await background(page), DARK);
    assert.equal(await quiz.screenName(), "question");
    assert.deepEqual(warnings, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a bad value logs a warning naming the attribute and the allowed values, and the default is used", async () => {
    const { page, context, quiz, warnings, errors } = await open(
      host({ theme: "pink", mode: "sideways", lead: "always", persist: "maybe", lang: "xx" }),
    );
    await quiz.waitFor("intro");
    for (const line of [
      '<levels-quiz>: theme="pink" is not one of light, dark, auto; using light',
      '<levels-quiz>: mode="sideways" is not one of inline, popup; using inline',
      '<levels-quiz>: lead="always" is not one of off, before-results, after-results; using off',
      '<levels-quiz>: persist="maybe" is not one of on, off; using on',
      '<levels-quiz>: lang="xx" is not one of en, zh-CN; using en',
    ]) {
      assert.ok(warnings.includes(line), `${line}\nin\n${warnings.join("\n")}`);
    }
    assert.equal(await background(page), LIGHT);
    assert.equal(await quiz.host.locator(".lq-trigger").count(), 0, "inline");
    assert.deepEqual(errors, []);
    await context.close();
  });
});

// --------------------------------------------------------------------------------------

describe('mode="popup"', () => {
  test("the dialog opens from the keyboard, keeps Tab inside, closes on Esc and the close button", async () => {
    const { page, context, quiz, errors } = await open("/pages/marketer/popup.html");
    const trigger = quiz.host.locator(".lq-trigger");
    const dialog = quiz.host.locator("dialog.lq-dialog");
    await trigger.waitFor();
    assert.equal((await trigger.textContent()).trim(), UI.popup_open);
    assert.equal(await dialog.evaluate((d) => d.open), false);

    // Enter on the trigger opens a modal dialog with focus inside.
    await trigger.focus();
    await page.keyboard.press("Enter");
    assert.equal(await dialog.evaluate((d) => d.open && d.matches(":modal")), true);
    assert.ok(await focusInDialog(page), await focused(page));
    assert.equal(await dialog.getAttribute("aria-label"), content.intro.title);

    // Tab and Shift+Tab stay in the dialog: the page's own button after the element is
    // never reached (between rounds Chromium parks focus on the browser itself: BODY).
    const seen = [];
    for (const key of [...Array(8).fill("Tab"), ...Array(8).fill("Shift+Tab")]) {
      await page.keyboard.press(key);
      const where = await focused(page);
      seen.push(where);
      assert.ok(where === "BODY" || (await focusInDialog(page)), `${key} moved focus out of the dialog to ${where}`);
    }
    assert.ok(!seen.some((w) => w.includes("#after") || w.includes("#before")), seen.join(", "));
    assert.ok(seen.filter((w) => w.includes("lq-close")).length >= 2, `focus cycled: ${seen.join(", ")}`);

    // Esc closes it and focus returns to the trigger.
    await page.keyboard.press("Escape");
    assert.equal(await dialog.evaluate((d) => d.open), false);
    assert.match(await focused(page), /lq-trigger/);

    // A click opens it; the close button closes it, focus back on the trigger again.
    await trigger.click();
    assert.equal(await dialog.evaluate((d) => d.open), true);
    await quiz.host.locator(".lq-close").click();
    assert.equal(await dialog.evaluate((d) => d.open), false);
    assert.match(await focused(page), /lq-trigger/);
    assert.equal(await quiz.host.locator(".lq-close").getAttribute("aria-label"), UI.dialog_close);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("the quiz completes inside the dialog, and progress survives closing it", async () => {
    const { page, context, quiz, errors } = await open("/pages/marketer/popup.html");
    const dialog = quiz.host.locator("dialog.lq-dialog");
    await quiz.host.locator(".lq-trigger").click();
    await quiz.start();
    await quiz.answer(STUCK_VP[0]);
    await quiz.answer(STUCK_VP[1]);
    await quiz.host.locator(".lq-close").click();
    await quiz.host.locator(".lq-trigger").click();
    assert.equal(await quiz.progress().textContent(), `Question 3 of ${TOTAL}`);
    for (const id of STUCK_VP.slice(2)) await quiz.answer(id);
    await quiz.waitFor("result");
    assert.equal(await dialog.evaluate((d) => d.open), true);
    assert.ok(await dialog.locator('[data-screen="result"]').isVisible());
    assert.equal((await quiz.host.locator("a.lq-cta-button").textContent()).trim(), "Book a call with Sam");
    assert.deepEqual(await resultIdentity(quiz).then(({ verdict, level }) => ({ verdict, level })), {
      verdict: STUCK_VP_OUTCOME.verdict,
      level: STUCK_VP_OUTCOME.level,
    });
    assert.equal((await events(page, "complete")).length, 1);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("saved progress behind a closed dialog fetches the result's code only once the dialog opens", async () => {
    const { page, context, quiz, errors } = await open("/pages/marketer/popup.html");
    await quiz.host.locator(".lq-trigger").click();
    await quiz.start();
    await quiz.answer(STUCK_VP[0]);

    // Back later: the quiz resumes on question 2, behind the closed dialog. (Routing
    // also turns the HTTP cache off, so every fetch of the chunk is seen.)
    const fetched = [];
    await page.route("**/levels-quiz-result.wasm", (route) => {
      fetched.push(route.request().url());
      return route.continue();
    });
    await page.reload();
    const trigger = quiz.host.locator(".lq-trigger");
    await trigger.waitFor();
    await page.waitForTimeout(800);
    assert.deepEqual(fetched, [], "nothing of the result is fetched while the questions are out of sight");

    await trigger.click();
    assert.equal(await quiz.progress().textContent(), `Question 2 of ${TOTAL}`);
    for (let i = 0; i < 50 && fetched.length === 0; i++) await page.waitForTimeout(100);
    assert.equal(fetched.length, 1, "the chunk is fetched once the questions are in sight");
    assert.deepEqual(errors, []);
    await context.close();
  });
});

// --------------------------------------------------------------------------------------

describe("persist", () => {
  test("a reload resumes on the same question with the answers kept; starting over forgets", async () => {
    const { page, context, quiz, errors } = await open(host());
    await quiz.start();
    for (const id of STUCK_VP.slice(0, 3)) await quiz.answer(id);
    await quiz.host.locator(".lq-prompt").filter({ hasText: content.questions[3].prompt }).waitFor();
    assert.equal(await storedProgress(page), progress("q3", STUCK_VP_INDEXES.slice(0, 3)));

    await page.reload();
    await quiz.waitFor("question");
    assert.equal(await quiz.progress().textContent(), `Question 4 of ${TOTAL}`);
    for (let q = 2; q >= 0; q--) {
      await quiz.host.locator(".lq-nav button[type=button]").click();
      await quiz.host.locator(`[data-question="${content.questions[q].id}"]`).waitFor();
      assert.equal(await quiz.host.locator("input:checked").getAttribute("value"), STUCK_VP[q]);
    }

    // The element's restart() starts over and forgets.
    await element(page).evaluate((el) => el.restart());
    await quiz.waitFor("intro");
    assert.equal(await storedProgress(page), null);
    await page.reload();
    await quiz.waitFor("intro");

    // So does "Start over" on the result.
    await quiz.start();
    for (const id of STUCK_VP) await quiz.answer(id);
    await quiz.waitFor("result");
    assert.equal(await storedProgress(page), progress("r", STUCK_VP_INDEXES));
    await page.reload();
    await quiz.waitFor("result");
    await quiz.host.locator(".lq-end button").click();
    await quiz.waitFor("intro");
    assert.equal(await storedProgress(page), null);
    await page.reload();
    await quiz.waitFor("intro");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('persist="off": nothing is stored and a reload starts at the intro', async () => {
    const { page, context, quiz, errors } = await open(host({ persist: "off" }));
    await quiz.start();
    for (const id of STUCK_VP.slice(0, 3)) await quiz.answer(id);
    await quiz.host.locator(`[data-question="${content.questions[3].id}"]`).waitFor();
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    await page.reload();
    await quiz.waitFor("intro");
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const [name, script] of Object.entries(BLOCKED_STORAGE)) {
    test(`blocked storage (${name}): the quiz still completes without errors`, async () => {
      const { page, context, quiz, errors } = await open(host(), { init: [script] });
      await quiz.completeWith(STUCK_VP);
      assert.equal(await quiz.screen().getAttribute("data-verdict"), STUCK_VP_OUTCOME.verdict);
      await page.reload();
      await quiz.waitFor("intro");
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test("garbage stored under the key is ignored: the quiz starts at the intro and completes", async () => {
    const garbage = [
      "not progress at all",
      "{\"screen\":3}",
      "1|q5|",
      "1|r|9999999999999",
      "1|q99|0000000000000",
      `1|q-1|${"-".repeat(TOTAL)}`,
      `2|r|${"0".repeat(TOTAL)}`,
      `1|r|${"0".repeat(TOTAL)}|extra`,
      "\u0000\uffff",
    ];
    const { page, context, quiz, errors } = await open(null);
    await page.goto(server.origin + HOST);
    await quiz.waitFor("intro");
    for (const value of garbage) {
      await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, value]);
      await page.reload();
      await quiz.screen().waitFor();
      const screen = await quiz.screenName();
      // Unreadable progress means the intro; half-readable answers resume at the first open question.
      assert.ok(screen === "intro" || screen === "question", `${JSON.stringify(value)} -> ${screen}`);
    }
    await page.evaluate(([key]) => localStorage.setItem(key, "garbage"), [STORAGE_KEY]);
    await page.reload();
    await quiz.completeWith(STUCK_VP);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

// --------------------------------------------------------------------------------------

describe("share", () => {
  let link;

  test('"Copy a link" copies a #levels-quiz= URL that shows the same result in a fresh browser', async () => {
    const { page, context, quiz, errors } = await open(host(), {
      permissions: ["clipboard-read", "clipboard-write"],
    });
    await quiz.completeWith(STUCK_VP);
    const mine = await resultIdentity(quiz);
    await quiz.host.locator(".lq-share").click();
    await quiz.host.locator(".lq-actions .lq-ok", { hasText: UI.share_copied }).waitFor();
    link = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(link, /#levels-quiz=[A-Za-z0-9_-]+$/);
    assert.equal(link.split("#")[0], page.url().split("#")[0]);
    assert.deepEqual(errors, []);
    await context.close();

    // A different visitor: nothing saved, nothing answered.
    const fresh = await open(link.replace(server.origin, ""));
    await fresh.quiz.waitFor("result");
    assert.deepEqual(await resultIdentity(fresh.quiz), mine);
    assert.ok(mine.causes.length >= 2);
    assert.equal((await waitForEvent(fresh.page, "complete")).detail.verdict, mine.verdict);
    assert.deepEqual(fresh.errors, []);
    await fresh.context.close();
  });

  test(
    "copying by keyboard keeps focus on the button",
    async () => {
      const { page, context, quiz } = await open(host(), {
        permissions: ["clipboard-read", "clipboard-write"],
        init: [onResult()],
      });
      await quiz.waitFor("result");
      await quiz.host.locator(".lq-share").focus();
      await page.keyboard.press("Enter");
      await quiz.host.locator(".lq-actions .lq-ok").waitFor();
      assert.match(await focused(page), /lq-share/);
      await context.close();
    },
  );

  test("when the clipboard refuses, the link is shown in a field to copy by hand", async () => {
    const { page, context, quiz, errors } = await open(host(), {
      init: [
        () => {
          Object.defineProperty(Navigator.prototype, "clipboard", {
            get: () => ({ writeText: () => Promise.reject(new DOMException("denied", "NotAllowedError")) }),
          });
        },
        onResult(),
      ],
    });
    await quiz.waitFor("result");
    await quiz.host.locator(".lq-share").click();
    const field = quiz.host.locator("input.lq-share-url");
    await field.waitFor();
    assert.match(await field.inputValue(), /#levels-quiz=[A-Za-z0-9_-]+$/);
    assert.equal(await quiz.host.locator('label[for="lq-share-url"]').textContent(), UI.share_manual);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a tampered or truncated link shows a notice and a fresh start that starts the quiz", async () => {
    assert.ok(link, "needs the link from the first share test");
    const [page, code] = link.replace(server.origin, "").split("#levels-quiz=");
    const middle = Math.floor(code.length / 2);
    const tampered = code.slice(0, middle) + (code[middle] === "A" ? "B" : "A") + code.slice(middle + 1);
    for (const [what, bad] of [
      ["tampered", tampered],
      ["truncated", code.slice(0, -3)],
      ["emptied", ""],
      ["not base64", "%%%"],
    ]) {
      const { quiz, context, errors } = await open(`${page}#levels-quiz=${bad}`, { init: [onLastQuestion()] });
      const notice = quiz.host.locator(".lq-notice");
      await notice.waitFor();
      assert.equal(await notice.locator("p").textContent(), UI.link_unreadable, what);
      assert.equal(await quiz.screenName(), "intro", `${what}: no result is shown, and saved progress is not used`);
      await notice.locator("button").click();
      await quiz.waitFor("question");
      assert.equal(await quiz.progress().textContent(), `Question 1 of ${TOTAL}`);
      assert.equal(await notice.count(), 0);
      assert.deepEqual(errors, [], what);
      await context.close();
    }
  });

  test("progress saved by the quiz's earlier version: a notice says so, the old progress is forgotten, the quiz starts afresh", async () => {
    const earlier = `levels-quiz:${content.id}:${content.version - 1}`;
    const { page, quiz, context, errors } = await open(host(), { init: [seedOnce(earlier, progress("q3", [0, 1, 2]))] });
    const notice = quiz.host.locator(".lq-notice");
    await notice.waitFor();
    assert.equal(await notice.locator("p").textContent(), UI.progress_outdated);
    assert.equal(await quiz.screenName(), "intro");
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), earlier), null, "forgotten");
    await notice.locator("button").click();
    await quiz.waitFor("question");
    assert.equal(await quiz.progress().textContent(), `Question 1 of ${TOTAL}`);
    assert.equal(await notice.count(), 0);
    // Told once: a reload finds nothing to say.
    await page.reload();
    await quiz.waitFor("question");
    assert.equal(await notice.count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(
    "a shared link opened on a popup page shows the result without hunting for it",
    async () => {
      assert.ok(link, "needs the link from the first share test");
      const code = link.split("#levels-quiz=")[1];
      const { quiz, context } = await open(`/pages/marketer/popup.html#levels-quiz=${code}`);
      await quiz.host.locator(".lq-trigger").waitFor();
      await quiz.host.locator('dialog[open] [data-screen="result"]').waitFor({ timeout: 2000 });
      await context.close();
    },
  );

  test('share="off" offers no link', async () => {
    const { context, quiz } = await open(host({ share: "off" }), { init: [onResult()] });
    await quiz.waitFor("result");
    assert.equal(await quiz.host.locator(".lq-share").count(), 0);
    assert.equal(await quiz.host.locator(".lq-print").count(), 1);
    await context.close();
  });
});

// --------------------------------------------------------------------------------------

const VISITOR = { name: "Ada Lovelace", email: "ada@example.com" };

/** Fills the lead form (as a visitor types) and sends it. */
async function fillLead(quiz, { name = VISITOR.name, email = VISITOR.email, consent = true } = {}) {
  await quiz.host.locator("#lq-lead-name").fill(name);
  await quiz.host.locator("#lq-lead-email").fill(email);
  if (consent) await quiz.host.locator("#lq-lead-consent").check();
  await quiz.host.locator(".lq-lead-form button[type=submit]").click();
}

/** Routes `url` to answer lead posts with `status` (or to fail), recording each body. */
async function routeLead(context, url, respond) {
  const bodies = [];
  await context.route(url, async (route) => {
    const request = route.request();
    bodies.push({ method: request.method(), contentType: request.headers()["content-type"], body: request.postData() });
    const answer = typeof respond === "function" ? respond(bodies.length) : respond;
    if (answer === "abort") await route.abort("connectionrefused");
    else await route.fulfill({ status: answer, headers: { "access-control-allow-origin": "*" }, body: "" });
  });
  return bodies;
}

/** The fields of a multipart/form-data body. */
function formFields(body) {
  const fields = {};
  for (const match of body.matchAll(/name="([^"]+)"\r\n\r\n([^\r]*)\r\n/g)) fields[match[1]] = match[2];
  return fields;
}

/** The fields a lead POST carries for STUCK_VP, given the `complete` event's detail. */
const expectedFields = (complete, resultLink) => ({
  name: VISITOR.name,
  email: VISITOR.email,
  consent: "yes",
  operating_level: STUCK_VP_OUTCOME.level,
  title_level: "communication",
  rung: "vp",
  verdict: STUCK_VP_OUTCOME.verdict,
  split_with: complete.split_with ?? "",
  implementation: String(complete.profile.implementation),
  unification: String(complete.profile.unification),
  communication: String(complete.profile.communication),
  causes: complete.causes.map((c) => `${c.id}:${c.strength}`).join(","),
  next_steps: complete.next_steps.join(","),
  cta: "close-the-gap",
  result_link: resultLink,
  quiz: `${content.id}@${content.version}`,
});

describe("lead", () => {
  test("before-results: the form comes after the last question; it checks its fields; a valid send is an event only", async () => {
    const { page, context, quiz, errors, posts } = await open(host({ lead: "before-results" }), { init: [onLastQuestion()] });
    await finishLast(quiz);
    await quiz.waitFor("lead");
    assert.equal(await quiz.host.locator(".lq-lead-screen h2").textContent(), UI.lead_heading);
    assert.match(await eventually(() => focused(page), /^H2/), /^H2/);

    // Empty: every field says what is wrong, focus moves to the first.
    await quiz.host.locator(".lq-lead-form button[type=submit]").click();
    await quiz.host.locator(".lq-field-error").first().waitFor();
    assert.deepEqual(await quiz.host.locator(".lq-field-error").allTextContents(), [
      UI.lead_name_required,
      UI.lead_email_invalid,
      UI.lead_consent_required,
    ]);
    assert.equal(await quiz.host.locator("#lq-lead-name").getAttribute("aria-invalid"), "true");
    assert.equal(await quiz.host.locator("#lq-lead-name").getAttribute("aria-describedby"), "lq-lead-name-error");

    // A bad email is refused, focus on it.
    await fillLead(quiz, { email: "ada@example" });
    assert.equal(await quiz.screenName(), "lead");
    assert.deepEqual(await quiz.host.locator(".lq-field-error").allTextContents(), [UI.lead_email_invalid]);
    assert.equal((await events(page, "lead")).length, 0);

    // Valid: the event carries what was typed; without lead-action nothing is posted.
    await quiz.host.locator("#lq-lead-email").fill(`  ${VISITOR.email} `);
    await quiz.host.locator(".lq-lead-form button[type=submit]").click();
    await quiz.waitFor("result");
    const lead = await waitForEvent(page, "lead");
    const complete = await waitForEvent(page, "complete");
    const link = checkLead(assert, lead.detail, complete.detail, { ...VISITOR, consent: true });
    assert.equal(await quiz.host.locator(".lq-status.lq-ok").textContent(), UI.lead_sent);
    // The coach opens the link and sees the visitor's result.
    const coach = await context.newPage();
    await coach.goto(link);
    const seen = new Quiz(coach);
    await seen.waitFor("result");
    assert.equal(await seen.screen().getAttribute("data-verdict"), STUCK_VP_OUTCOME.verdict);
    assert.equal(await seen.host.locator("[data-cta]").getAttribute("data-cta"), "close-the-gap");
    await page.waitForTimeout(200);
    assert.deepEqual(posts.map((r) => r.url()), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(
    "a refused send moves focus to the first invalid field",
    async () => {
      const { page, context, quiz } = await open(host({ lead: "before-results" }), { init: [onLastQuestion()] });
      await finishLast(quiz);
      await quiz.waitFor("lead");
      await quiz.host.locator(".lq-lead-form button[type=submit]").click();
      await quiz.host.locator(".lq-field-error").first().waitFor();
      assert.equal(await focused(page), "INPUT#lq-lead-name", "empty form: focus on the name");
      // By keyboard: a name, Enter in the field; the email is next to fix.
      await quiz.host.locator("#lq-lead-name").fill(VISITOR.name);
      await page.keyboard.press("Enter");
      await quiz.host.locator("#lq-lead-name-error").waitFor({ state: "detached" });
      assert.equal(await focused(page), "INPUT#lq-lead-email", "bad email: focus on the email");
      await context.close();
    },
  );

  test("before-results: skipping goes to the result without an event", async () => {
    const { page, context, quiz } = await open(host({ lead: "before-results" }), { init: [onLastQuestion()] });
    await finishLast(quiz);
    await quiz.waitFor("lead");
    await quiz.host.locator(".lq-lead-form .lq-nav button[type=button]").click();
    await quiz.waitFor("result");
    assert.equal((await events(page, "lead")).length, 0);
    assert.equal(await quiz.host.locator(".lq-lead-open").count(), 0);
    await context.close();
  });

  test("lead-action answering 200: the result says it was sent and the POST carried every field", async () => {
    const action = "https://forms.example/lead";
    const { page, context, quiz, errors } = await open(host({ lead: "before-results", "lead-action": action }), {
      init: [onLastQuestion()],
    });
    const bodies = await routeLead(context, action, 200);
    await finishLast(quiz);
    await quiz.waitFor("lead");
    await fillLead(quiz);
    await quiz.waitFor("result");
    await quiz.host.locator(".lq-status.lq-ok", { hasText: UI.lead_sent }).waitFor();
    assert.equal(bodies.length, 1);
    assert.equal(bodies[0].method, "POST");
    assert.match(bodies[0].contentType, /^multipart\/form-data/);
    const fields = formFields(bodies[0].body);
    assert.match(fields.result_link, /#levels-quiz=[A-Za-z0-9_-]+$/);
    assert.ok(fields.causes.length > 0 && fields.next_steps.split(",").length >= 3, JSON.stringify(fields));
    assert.deepEqual(fields, expectedFields((await waitForEvent(page, "complete")).detail, fields.result_link));
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const [what, failure] of [
    ["a 500", 500],
    ["an aborted request", "abort"],
  ]) {
    test(`lead-action failing with ${what}: the result still shows, with the failure and a retry that resends what was typed`, async () => {
      const action = "https://forms.example/lead";
      const { page, context, quiz, errors } = await open(host({ lead: "before-results", "lead-action": action }), {
        init: [onLastQuestion()],
      });
      await page.evaluate(() => {
        window.leadEvents = 0;
        document.addEventListener("levels-quiz:lead", () => window.leadEvents++);
      });
      const bodies = await routeLead(context, action, (n) => (n === 1 ? failure : 200));
      await finishLast(quiz);
      await quiz.waitFor("lead");
      await fillLead(quiz);
      await quiz.waitFor("result");
      const warn = quiz.host.locator(".lq-status.lq-warn");
      await warn.waitFor();
      assert.equal(await warn.getAttribute("role"), "alert");
      assert.equal(await warn.locator("p").textContent(), UI.lead_failed);
      assert.ok(await quiz.host.locator("[data-cause]").first().isVisible(), "the result is there");
      await warn.locator("button", { hasText: UI.lead_retry }).click();
      await quiz.host.locator(".lq-status.lq-ok", { hasText: UI.lead_sent }).waitFor();
      assert.equal(bodies.length, 2);
      const fields = formFields(bodies[1].body);
      assert.deepEqual(fields, formFields(bodies[0].body));
      assert.deepEqual(fields, expectedFields((await waitForEvent(page, "complete")).detail, fields.result_link));
      assert.equal(await page.evaluate(() => window.leadEvents), 1, "one lead, one event: the retry resends it");
      // The browser logs a failed fetch as a console error; nothing else may appear.
      assert.deepEqual(errors.filter((e) => !e.includes("forms.example") && !/Failed to load resource/.test(e)), []);
      await context.close();
    });
  }

  test("after-results: the result offers the form; sending returns to the result", async () => {
    const action = "https://forms.example/lead";
    const { page, context, quiz, errors } = await open(host({ lead: "after-results", "lead-action": action }), {
      init: [onLastQuestion()],
    });
    const bodies = await routeLead(context, action, 200);
    await finishLast(quiz);
    await quiz.waitFor("result");
    const openLead = quiz.host.locator(".lq-lead-open");
    assert.equal((await openLead.textContent()).trim(), UI.lead_open);
    await openLead.click();
    await quiz.waitFor("lead");
    await fillLead(quiz);
    await quiz.waitFor("result");
    await quiz.host.locator(".lq-status.lq-ok", { hasText: UI.lead_sent }).waitFor();
    assert.equal(await openLead.count(), 0, "the offer goes once it is taken");
    const fields = formFields(bodies[0].body);
    assert.deepEqual(fields, expectedFields((await waitForEvent(page, "complete")).detail, fields.result_link));
    checkLead(assert, (await waitForEvent(page, "lead")).detail, (await waitForEvent(page, "complete")).detail, {
      ...VISITOR,
      consent: true,
    });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(
    "after-results: after a failed send the form can be opened again with what was typed",
    async () => {
      const action = "https://forms.example/lead";
      const { context, quiz } = await open(host({ lead: "after-results", "lead-action": action }), { init: [onResult()] });
      await routeLead(context, action, 500);
      await quiz.waitFor("result");
      await quiz.host.locator(".lq-lead-open").click();
      await quiz.waitFor("lead");
      await fillLead(quiz, { email: "ada@exampel.com" });
      await quiz.host.locator(".lq-status.lq-warn").waitFor();
      // The visitor spots the typo and wants to correct it in the form.
      await quiz.host.locator(".lq-lead-open").click({ timeout: 2000 });
      await quiz.waitFor("lead");
      assert.equal(await quiz.host.locator("#lq-lead-name").inputValue(), VISITOR.name);
      assert.equal(await quiz.host.locator("#lq-lead-email").inputValue(), "ada@exampel.com");
      assert.equal(await quiz.host.locator("#lq-lead-consent").isChecked(), true);
      await context.close();
    },
  );

  test("lead switched from off to before-results on question 5 takes effect", async () => {
    const { page, context, quiz, errors } = await open(host());
    await quiz.start();
    for (const id of STUCK_VP.slice(0, 4)) await quiz.answer(id);
    assert.equal(await quiz.progress().textContent(), `Question 5 of ${TOTAL}`);
    await element(page).evaluate((el) => el.setAttribute("lead", "before-results"));
    for (const id of STUCK_VP.slice(4)) await quiz.answer(id);
    await quiz.waitFor("lead");
    // And back off while on the form: straight to the result.
    await element(page).evaluate((el) => el.setAttribute("lead", "off"));
    await quiz.waitFor("result");
    assert.deepEqual(errors, []);
    await context.close();
  });
});

// --------------------------------------------------------------------------------------

const DATA_LAYER = () => {
  window.dataLayer = [];
};

describe("analytics", () => {
  test("on: start, answers, complete, lead and cta reach window.dataLayer, never a name or email", async () => {
    const { page, context, quiz, errors } = await open(host({ analytics: "on", lead: "before-results" }), { init: [DATA_LAYER] });
    await quiz.start();
    for (const id of STUCK_VP) await quiz.answer(id);
    await quiz.waitFor("lead");
    await fillLead(quiz);
    await quiz.waitFor("result");
    await holdCtaNavigation(page);
    await quiz.host.locator("a.lq-cta-button").click();
    await waitForEvent(page, "cta");
    const layer = await dataLayer(page);
    const names = layer.map((e) => e.event);
    assert.deepEqual(names, [
      "levels_quiz_start",
      ...Array(TOTAL).fill("levels_quiz_answer"),
      "levels_quiz_lead",
      "levels_quiz_complete",
      "levels_quiz_cta",
    ]);
    assert.deepEqual(layer[1], { event: "levels_quiz_answer", question_id: content.questions[0].id, option_id: STUCK_VP[0] });
    assert.deepEqual(layer.find((e) => e.event === "levels_quiz_complete"), {
      event: "levels_quiz_complete",
      ...STUCK_VP_OUTCOME,
      title_level: "communication",
    });
    assert.deepEqual(layer.at(-1), { event: "levels_quiz_cta", ...STUCK_VP_CTA });
    const text = JSON.stringify(layer);
    assert.ok(!text.includes(VISITOR.email) && !text.includes("Ada"), text);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("off (the default): nothing is pushed", async () => {
    const { page, context, quiz, errors } = await open(host({ lead: "before-results" }), { init: [DATA_LAYER, onLastQuestion()] });
    await finishLast(quiz);
    await quiz.waitFor("lead");
    await fillLead(quiz);
    await quiz.waitFor("result");
    await holdCtaNavigation(page);
    await quiz.host.locator("a.lq-cta-button").click();
    await waitForEvent(page, "cta");
    assert.deepEqual(await dataLayer(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("on without a dataLayer on the page: nothing breaks", async () => {
    const { page, context, quiz, errors } = await open(host({ analytics: "" }), { init: [onLastQuestion()] });
    await finishLast(quiz);
    await quiz.waitFor("result");
    assert.equal(await dataLayer(page), null);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(
    'analytics="ON" (any case, as the attribute parser accepts) pushes too',
    async () => {
      const { page, context, quiz, warnings } = await open(host({ analytics: "ON" }), { init: [DATA_LAYER] });
      await quiz.start();
      assert.deepEqual(warnings, []);
      assert.deepEqual((await dataLayer(page)).map((e) => e.event), ["levels_quiz_start"]);
      await context.close();
    },
  );
});

// --------------------------------------------------------------------------------------

describe("events and the element API", () => {
  test("every event bubbles to the document, is composed, and carries its detail; result and restart()", async () => {
    const { page, context, quiz, errors } = await open(host({ lead: "before-results" }));
    await quiz.waitFor("intro");
    assert.equal(await element(page).evaluate((el) => el.result), null);
    await quiz.start();
    for (const id of STUCK_VP) await quiz.answer(id);
    await quiz.waitFor("lead");
    assert.equal(await element(page).evaluate((el) => el.result), null, "no result before the result screen");
    await fillLead(quiz);
    await quiz.waitFor("result");
    await holdCtaNavigation(page);
    await quiz.host.locator("a.lq-cta-button").click();
    await waitForEvent(page, "cta");

    const all = await events(page);
    assert.deepEqual(
      all.map((e) => e.type.replace("levels-quiz:", "")),
      ["ready", "start", ...Array(TOTAL).fill("answer"), "lead", "complete", "cta"],
    );
    for (const event of all) {
      assert.equal(event.bubbles, true, event.type);
      assert.equal(event.composed, true, event.type);
      assert.equal(event.target, "levels-quiz", event.type);
    }
    const answers = all.filter((e) => e.type === "levels-quiz:answer");
    answers.forEach((e, index) =>
      assert.deepEqual(e.detail, { questionId: content.questions[index].id, optionId: STUCK_VP[index], index }),
    );
    const complete = all.find((e) => e.type === "levels-quiz:complete").detail;
    for (const field of ["operating_level", "title_level", "verdict", "profile", "causes"]) {
      assert.ok(field in complete, `complete.detail.${field}`);
    }
    assert.equal(complete.operating_level, STUCK_VP_OUTCOME.level);
    assert.equal(complete.title_level, "communication");
    assert.equal(complete.verdict, STUCK_VP_OUTCOME.verdict);
    assert.deepEqual(Object.keys(complete.profile).sort(), ["communication", "implementation", "unification"]);
    assert.equal(Object.values(complete.profile).reduce((a, b) => a + b), 100);
    // The causes are the ones the result shows, in the same order.
    assert.deepEqual(complete.causes.map((c) => c.id), (await resultIdentity(quiz)).causes);
    for (const cause of complete.causes) assert.match(cause.strength, /^(some|strong)$/);

    // element.result is the complete event's detail.
    assert.deepEqual(await element(page).evaluate((el) => JSON.parse(JSON.stringify(el.result))), complete);

    // restart() goes back to the intro and clears the result.
    await element(page).evaluate((el) => el.restart());
    await quiz.waitFor("intro");
    assert.equal(await element(page).evaluate((el) => el.result), null);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("restart() mid-quiz returns to the intro; the quiz runs again from there", async () => {
    const { page, context, quiz } = await open(host());
    await quiz.start();
    await quiz.answer(STUCK_VP[0]);
    await element(page).evaluate((el) => el.restart());
    await quiz.waitFor("intro");
    await quiz.start();
    assert.equal(await quiz.progress().textContent(), `Question 1 of ${TOTAL}`);
    assert.equal(await quiz.host.locator("input:checked").count(), 0);
    await context.close();
  });
});

// --------------------------------------------------------------------------------------

describe("attributes changed on a running widget", () => {
  test("cta-label and cta-href changed on the result update the link without a reload", async () => {
    const { page, context, quiz, errors } = await open(host({ "cta-label": "Book now" }), { init: [onResult()] });
    await quiz.waitFor("result");
    const cta = quiz.host.locator("a.lq-cta-button");
    assert.equal((await cta.textContent()).trim(), "Book now");
    await element(page).evaluate((el) => {
      el.setAttribute("cta-label", "Talk to Sam");
      el.setAttribute("cta-href", "https://coach.example/talk");
    });
    assert.equal((await cta.textContent()).trim(), "Talk to Sam");
    assert.match(await cta.getAttribute("href"), /^https:\/\/coach\.example\/talk\?level=unification&verdict=incomplete-promotion$/);
    // Removing the label falls back to the content's.
    await element(page).evaluate((el) => el.removeAttribute("cta-label"));
    assert.equal((await cta.textContent()).trim(), content.cta.label);
    assert.equal(await quiz.screenName(), "result");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("mode inline → popup on question 5 keeps the answers, and back again", async () => {
    const { page, context, quiz, errors } = await open(host());
    await quiz.start();
    for (const id of STUCK_VP.slice(0, 4)) await quiz.answer(id);
    await quiz.host.locator(`input[value="${STUCK_VP[4]}"]`).locator("..").click();
    await element(page).evaluate((el) => el.setAttribute("mode", "popup"));
    const trigger = quiz.host.locator(".lq-trigger");
    await trigger.waitFor();
    assert.equal(await quiz.host.locator('[data-screen="question"]').isVisible(), false, "the quiz is behind the trigger");
    await trigger.click();
    assert.equal(await quiz.progress().textContent(), `Question 5 of ${TOTAL}`);
    assert.equal(await quiz.host.locator("input:checked").getAttribute("value"), STUCK_VP[4]);
    await quiz.host.locator(".lq-close").click();
    await element(page).evaluate((el) => el.setAttribute("mode", "inline"));
    await quiz.host.locator(".lq-trigger").waitFor({ state: "detached" });
    assert.equal(await quiz.progress().textContent(), `Question 5 of ${TOTAL}`);
    for (const id of STUCK_VP.slice(4)) await quiz.answer(id);
    await quiz.waitFor("result");
    assert.equal(await quiz.screen().getAttribute("data-verdict"), STUCK_VP_OUTCOME.verdict);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("share and persist switched off on a running widget", async () => {
    const { page, context, quiz } = await open(host(), { init: [onResult()] });
    await quiz.waitFor("result");
    assert.equal(await quiz.host.locator(".lq-share").count(), 1);
    await element(page).evaluate((el) => el.setAttribute("share", "off"));
    assert.equal(await quiz.host.locator(".lq-share").count(), 0);
    assert.notEqual(await storedProgress(page), null);
    await element(page).evaluate((el) => el.setAttribute("persist", "off"));
    await page.waitForFunction((key) => localStorage.getItem(key) === null, STORAGE_KEY);
    await context.close();
  });
});

// --------------------------------------------------------------------------------------

describe("print", () => {
  test("the print button prints once; print media hides the buttons; A4 and Letter PDFs; a print screenshot", async () => {
    const { page, context, quiz, errors } = await open(host(), {
      viewport: { width: 800, height: 900 },
      init: [
        () => {
          window.__prints = [];
          // Records what the page looks like at the moment the browser would print.
          window.print = () => {
            const el = document.querySelector("levels-quiz");
            window.__prints.push({
              printing: el.hasAttribute("data-lq-printing"),
              closedDetails: el.shadowRoot.querySelectorAll("details:not([open])").length,
              pageCss: document.adoptedStyleSheets.map((s) => [...s.cssRules].map((r) => r.cssText).join("\n")).join("\n"),
            });
          };
        },
        onResult(),
      ],
    });
    await quiz.waitFor("result");
    const terms = await quiz.host.locator("details.lq-term").count();
    assert.ok(terms > 0);
    const sheetsBefore = await page.evaluate(() => document.adoptedStyleSheets.length);
    await quiz.host.locator(".lq-print").click();
    const prints = await page.evaluate(() => window.__prints);
    assert.equal(prints.length, 1, "window.print() is called once");
    const [{ printing, closedDetails, pageCss }] = prints;
    assert.equal(printing, true, "the element is marked while printing");
    assert.equal(closedDetails, 0, "every definition is open while printing");
    assert.match(pageCss, /@media print/, "a page stylesheet leaves the rest of the page out");
    assert.equal(await element(page).getAttribute("data-lq-printing"), null, "unmarked after");
    assert.equal(await quiz.host.locator("details.lq-term:not([open])").count(), terms, "definitions closed again after");
    assert.equal(
      await page.evaluate(() => document.adoptedStyleSheets.length),
      sheetsBefore,
      "the page's own printing is left as it was: no stylesheet stays behind",
    );

    // Put the page back in the state it was printed in, and look at it as print media.
    await page.evaluate((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      const el = document.querySelector("levels-quiz");
      el.setAttribute("data-lq-printing", "");
      for (const details of el.shadowRoot.querySelectorAll("details")) details.open = true;
    }, pageCss);
    await page.emulateMedia({ media: "print" });
    for (const selector of [".lq-nav", ".lq-actions"]) {
      const shown = await quiz.host
        .locator(selector)
        .evaluateAll((els) => els.filter((el) => getComputedStyle(el).display !== "none").length);
      assert.equal(shown, 0, `${selector} is hidden in print`);
    }
    // On paper the call to action is plain text followed by its address.
    const cta = await quiz.host.locator(".lq-cta-button").evaluate((el) => ({
      display: getComputedStyle(el).display,
      after: getComputedStyle(el, "::after").content,
    }));
    assert.equal(cta.display, "inline");
    assert.match(cta.after, /attr\(href\)|#book|http/);
    for (const selector of ["h1", "#before", "#after"]) {
      assert.equal(await page.locator(selector).isVisible(), false, `the page's ${selector} is left out`);
    }
    assert.ok(await quiz.host.locator(".lq-cause").first().isVisible());
    assert.ok(await quiz.host.locator(".lq-term p").first().isVisible(), "definitions print expanded");
    await page.screenshot({ path: join(marketerArtifacts, "print-result-800.png"), fullPage: true });

    for (const [format, box] of [
      ["A4", /\/MediaBox \[0 0 595\.9\d* 842\.8\d*\]/],
      ["Letter", /\/MediaBox \[0 0 612 792\]/],
    ]) {
      const path = join(marketerArtifacts, `result-${format}.pdf`);
      const pdf = await page.pdf({ format, path, printBackground: true });
      const text = pdf.toString("latin1");
      assert.equal(text.slice(0, 5), "%PDF-");
      assert.ok((await stat(path)).size > 20_000, `${format} PDF is ${pdf.length} bytes`);
      assert.match(text, box, `${format} pages`);
      const pages = text.match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
      assert.ok(pages >= 2 && pages <= 6, `${format}: ${pages} pages`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
});
