// End-to-end: the built dist/ bundle on host pages, driven in headless Chromium.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { eventually, launch, Quiz, repo, screenshot, startServer, STUCK_VP } from "./support.mjs";

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

// `path` in a fresh context; `route(page)` runs before the page loads (to intercept
// its requests). Console errors and uncaught exceptions go to `errors`, console
// warnings to `warnings`.
async function open(path, { width = 1280, height = 900, route, ...options } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, ...options });
  const page = await context.newPage();
  const errors = [];
  const warnings = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (msg) => (msg.type() === "warning" ? warnings : msg.type() === "error" ? errors : []).push(msg.text()));
  await route?.(page);
  await page.goto(server.origin + path);
  return { page, context, errors, warnings };
}

// A bundle file as a stale CDN cache would serve it: packed by another release (the
// same magic, another layout fingerprint, then the fields), so its hash differs.
async function fromAnotherRelease(file) {
  const bytes = Buffer.from(await readFile(join(repo, "dist", file)));
  bytes[4] ^= 0xff;
  return bytes;
}

describe("a visitor", () => {
  test("completes the quiz by mouse and reads their result", async () => {
    const { page, context, errors } = await open("/pages/plain.html");
    const quiz = new Quiz(page);
    await quiz.waitFor("intro");
    await quiz.start();
    assert.equal(await quiz.progress().textContent(), `Question 1 of ${STUCK_VP.length}`);
    // Next cannot skip an unanswered question.
    await quiz.host.locator("button[type=submit]").click();
    await quiz.host.locator("[role=alert]").waitFor();
    assert.equal(await quiz.progress().textContent(), `Question 1 of ${STUCK_VP.length}`);
    for (const id of STUCK_VP) await quiz.answer(id);
    await quiz.waitFor("result");
    const result = quiz.screen();
    assert.equal(await result.getAttribute("data-verdict"), "incomplete-promotion");
    assert.equal(await result.getAttribute("data-level"), "unification");
    assert.ok(await quiz.host.locator("svg.lq-chart .lq-row[data-title][data-level=communication]").count());
    assert.ok((await quiz.host.locator("[data-cause]").count()) >= 2);
    const steps = await quiz.host.locator(".lq-step").count();
    assert.ok(steps >= 3 && steps <= 5, `${steps} steps`);
    // The result's stylesheet came with its code and was added after the widget's own,
    // once, before the result showed.
    assert.equal(await quiz.host.evaluate((el) => el.shadowRoot.adoptedStyleSheets.length), 2);
    assert.equal(await quiz.host.locator("[data-cause]").first().evaluate((el) => getComputedStyle(el).borderInlineStartWidth), "4px");
    // Definitions expand.
    const term = quiz.host.locator("details.lq-term").first();
    await term.locator("summary").click();
    assert.equal(await term.getAttribute("open"), "");
    // Start over returns to the intro.
    await quiz.host.locator(".lq-end button").click();
    await quiz.waitFor("intro");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("completes the quiz with the keyboard alone", async () => {
    const { page, context, errors } = await open("/pages/plain.html");
    const quiz = new Quiz(page);
    await quiz.waitFor("intro");
    const focusedText = () =>
      page.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el ? `${el.tagName}:${el.getAttribute("class") ?? ""}:${el.value ?? ""}` : "";
      });
    // Focus moves to a new screen's heading in an effect after the screen renders.
    const focusSettles = async (pattern) => assert.match(await eventually(focusedText, pattern), pattern);
    // Tab from the top of the page to the start button.
    // (past the language switch, whose buttons come first).
    for (let i = 0; i < 10 && !/^BUTTON:lq-button lq-primary/.test(await focusedText()); i++) {
      await page.keyboard.press("Tab");
    }
    assert.match(await focusedText(), /^BUTTON:lq-button lq-primary/);
    await page.keyboard.press("Enter");
    await quiz.waitFor("question");
    const total = STUCK_VP.length;
    for (let n = 1; n <= total; n++) {
      await page.waitForFunction(
        (n) => document.querySelector("levels-quiz").shadowRoot.querySelector(".lq-progress-label")?.textContent.startsWith(`Question ${n} `),
        n,
      );
      // Focus is on the prompt; Tab enters the radio group, arrows move within it.
      await focusSettles(/^H2:lq-prompt/);
      await page.keyboard.press("Tab");
      assert.match(await focusedText(), /^INPUT:/);
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowUp");
      await page.keyboard.press("Space");
      const checked = await quiz.host.locator("input:checked").count();
      assert.equal(checked, 1, `question ${n} has an answer`);
      await page.keyboard.press("Enter");
    }
    await quiz.waitFor("result");
    await focusSettles(/^H2:/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("keyboard focus never drops to the page between screens, even when rendering is slow", async () => {
    const { page, context, errors } = await open("/pages/plain.html");
    const quiz = new Quiz(page);
    await quiz.waitFor("intro");
    // Slow enough that Yew's scheduler yields to the browser between drawing a screen
    // and running its effects (it yields after 16 ms), where focus used to drop.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 20 });
    // Noted at every DOM change of the widget, after the widget's own observers.
    await page.evaluate(() => {
      const host = document.querySelector("levels-quiz");
      window.__dropped = [];
      new MutationObserver(() => {
        if (document.activeElement !== host) window.__dropped.push(host.shadowRoot.querySelector("[data-screen]")?.dataset.screen);
      }).observe(host.shadowRoot, { childList: true, subtree: true });
    });
    await quiz.host.locator(".lq-start-row button").focus();
    await page.keyboard.press("Enter");
    for (const id of STUCK_VP.slice(0, 4)) {
      await quiz.waitFor("question");
      await quiz.host.locator(`input[value="${id}"]`).focus();
      await page.keyboard.press("Space");
      await page.keyboard.press("Enter");
      await page.waitForFunction(
        (id) => !document.querySelector("levels-quiz").shadowRoot.querySelector(`input[value="${id}"]`),
        id,
      );
    }
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    assert.deepEqual(await page.evaluate(() => window.__dropped), [], "focus left the widget as a screen changed");
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const [label, width, height] of [
    ["phone", 375, 812],
    ["desktop", 1280, 900],
  ]) {
    test(`looks right at ${width}px (screenshots in tests/e2e/artifacts)`, async () => {
      const { page, context, errors } = await open("/pages/plain.html", { width, height });
      const quiz = new Quiz(page);
      await quiz.waitFor("intro");
      await page.emulateMedia({ reducedMotion: "reduce" });
      await screenshot(page, `${label}-intro`);
      await quiz.start();
      await quiz.host.locator(".lq-option").nth(1).click();
      await screenshot(page, `${label}-question`);
      await quiz.host.locator("button[type=submit]").click();
      for (const id of STUCK_VP.slice(1)) await quiz.answer(id);
      await quiz.waitFor("result");
      await screenshot(page, `${label}-result`);
      // Nothing overflows the viewport horizontally.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page overflows by ${overflow}px`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});

describe("a marketer embedding it", () => {
  test("works on a page whose <base href> points elsewhere", async () => {
    const { page, context, errors } = await open("/pages/base-href.html");
    const quiz = new Quiz(page);
    await quiz.waitFor("intro");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("keeps the host's fallback visible when WebAssembly cannot load", async () => {
    const ctx = await browser.newContext();
    const blocked = await ctx.newPage();
    await blocked.route("**/*.wasm", (route) => route.abort());
    const failure = blocked.waitForEvent("console", (msg) => msg.text().includes("could not start"));
    await blocked.goto(server.origin + "/pages/plain.html");
    await failure;
    assert.equal(await blocked.locator("levels-quiz").getAttribute("data-lq-state"), "failed");
    assert.ok(await blocked.locator("levels-quiz .fallback").isVisible());
    await ctx.close();
  });

  test("a crash inside the wasm swaps every quiz on the page for its host's content and says so", async () => {
    const { page, context, errors } = await open("/pages/plain.html");
    await page.evaluate(() => {
      const second = document.createElement("levels-quiz");
      second.innerHTML = '<p class="fallback">The second fallback</p>';
      document.body.append(second);
      window.__codes = [];
      document.addEventListener("levels-quiz:error", (e) => window.__codes.push(e.detail.code));
    });
    const all = page.locator("levels-quiz");
    const first = new Quiz(page, all.nth(0));
    await first.waitFor("intro");
    await new Quiz(page, all.nth(1)).waitFor("intro");
    // The page breaks something the widget calls from Rust (once): the exception goes
    // through the wasm, whose state is then unknown, as after a panic (which traps).
    await page.evaluate(() => {
      const Real = window.CustomEvent;
      window.CustomEvent = function () {
        window.CustomEvent = Real;
        throw new Error("the page broke CustomEvent");
      };
    });
    await first.host.locator("[data-screen=intro] .lq-start-row button").click();
    await page.waitForFunction(() => window.__codes.length === 2);
    assert.deepEqual(await page.evaluate(() => window.__codes), ["panic", "panic"]);
    for (const i of [0, 1]) {
      assert.equal(await all.nth(i).getAttribute("data-lq-state"), "failed");
      assert.equal(await all.nth(i).locator("[data-screen]").count(), 0, "the quiz is gone");
      assert.ok(await all.nth(i).locator(".fallback").isVisible(), "the host's own content shows");
    }
    assert.ok(errors.some((e) => e.includes("internal error")), errors.join("\n"));
    // Nothing calls into the crashed wasm again: the API answers quietly, and an
    // element added later shows its fallback too.
    assert.equal(await page.evaluate(() => document.querySelector("levels-quiz").result), null);
    await page.evaluate(() => document.querySelector("levels-quiz").restart());
    await page.evaluate(() => {
      const late = document.createElement("levels-quiz");
      late.innerHTML = '<p class="fallback">The late fallback</p>';
      document.body.append(late);
    });
    await page.waitForFunction(() => window.__codes.length === 3);
    assert.equal(await all.nth(2).getAttribute("data-lq-state"), "failed");
    assert.ok(await all.nth(2).locator(".fallback").isVisible());
    assert.deepEqual(await page.evaluate(() => window.__codes), ["panic", "panic", "panic"]);
    await context.close();
  });

  test("with every request blocked once question 1 shows, every question still answers, the end says what could not load, and Try again recovers", async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    // Blocked from the frame that first shows a question: the page checks before each
    // frame and tells the test at once, before the widget (which waits for the paint)
    // asks for anything more.
    let blocked = false;
    let unblocked = false;
    const refused = [];
    await page.exposeFunction("__questionShown", () => (blocked = true));
    await page.addInitScript(() => {
      const watch = () => {
        if (document.querySelector("levels-quiz")?.shadowRoot?.querySelector("[data-screen=question]")) window.__questionShown();
        else requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    });
    await page.route("**/*", (route) => {
      if (!blocked || unblocked) return route.continue();
      refused.push(new URL(route.request().url()).pathname);
      return route.abort();
    });
    await page.goto(server.origin + "/pages/plain.html");
    const quiz = new Quiz(page);
    await quiz.start();
    // Every question, with its words, from the first download alone.
    for (const [index, id] of STUCK_VP.entries()) {
      assert.equal(await quiz.progress().textContent(), `Question ${index + 1} of ${STUCK_VP.length}`);
      assert.ok((await quiz.host.locator(".lq-prompt").textContent()).trim().length > 10, `question ${index + 1} has its words`);
      assert.equal(await quiz.host.locator(".lq-option-label:not(:empty)").count(), await quiz.options().count());
      await quiz.answer(id);
    }
    await quiz.waitFor("unavailable");
    const alert = quiz.host.locator("[data-screen=unavailable] [role=alert]");
    assert.match(await alert.textContent(), /could not be loaded/);
    assert.match(await alert.textContent(), /answers are kept/);
    const focused = () => quiz.host.evaluate((el) => el.shadowRoot.activeElement?.getAttribute("role") ?? "");
    assert.equal(await eventually(focused, /^alert$/), "alert", "focus on the message");
    assert.ok(refused.some((path) => path.endsWith("/levels-quiz-result.wasm")), refused.join(", "));
    assert.ok(refused.every((path) => /\/levels-quiz(-result\.wasm|\.en\.result\.bin)$/.test(path)), `only the result's files were asked for: ${refused.join(", ")}`);
    // Back on the network, Try again shows the result of the same answers.
    unblocked = true;
    await quiz.host.locator("[data-screen=unavailable] button").press("Enter");
    await quiz.waitFor("result");
    assert.equal(await quiz.screen().getAttribute("data-verdict"), "incomplete-promotion", "the same answers");
    assert.equal(await eventually(() => quiz.host.evaluate((el) => el.shadowRoot.activeElement?.tagName ?? ""), /^H2$/), "H2");
    await ctx.close();
  });

  test("on a slow connection the result says it is on its way, then shows", async () => {
    let release;
    const held = new Promise((resolve) => (release = resolve));
    const { page, context, errors } = await open("/pages/plain.html", {
      route: (page) =>
        page.route("**/levels-quiz.en.result.bin", async (route) => {
          await held;
          return route.continue();
        }),
    });
    const quiz = new Quiz(page);
    await quiz.start();
    for (const id of STUCK_VP) await quiz.answer(id);
    await quiz.waitFor("waiting");
    const status = quiz.host.locator("[data-screen=waiting] [role=status]");
    assert.equal(await status.textContent(), "Preparing your result…");
    release();
    await quiz.waitFor("result");
    assert.equal(await eventually(() => quiz.host.evaluate((el) => el.shadowRoot.activeElement?.tagName ?? ""), /^H2$/), "H2");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("the result's code loads from a server that does not say application/wasm", async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    const body = await readFile(join(repo, "dist/levels-quiz-result.wasm"));
    await page.route("**/levels-quiz-result.wasm", (route) => route.fulfill({ body, contentType: "application/octet-stream" }));
    await page.goto(server.origin + "/pages/plain.html");
    const quiz = new Quiz(page);
    await quiz.completeWith(STUCK_VP);
    assert.equal(await quiz.screen().getAttribute("data-verdict"), "incomplete-promotion");
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  test("elements added later work, stay independent, and removal frees them", async () => {
    const { page, context, errors } = await open("/pages/spa.html");
    await page.evaluate(() => {
      for (let i = 0; i < 3; i++) {
        document.querySelector("#app").append(document.createElement("levels-quiz"));
      }
    });
    const all = page.locator("levels-quiz");
    const first = new Quiz(page, all.nth(0));
    const second = new Quiz(page, all.nth(1));
    await first.waitFor("intro");
    await second.waitFor("intro");
    await first.start();
    assert.equal(await second.screenName(), "intro");
    // Remove one, re-add it: it mounts again (resuming the saved progress of the same
    // quiz: question 1); the others keep their state.
    await page.evaluate(() => {
      const el = document.querySelectorAll("levels-quiz")[0];
      el.remove();
      window.__removed = el;
    });
    await page.waitForFunction(() => window.__removed.shadowRoot.childElementCount === 0);
    await page.evaluate(() => document.querySelector("#app").append(window.__removed));
    const readded = new Quiz(page, page.locator("levels-quiz").nth(2));
    await readded.waitFor("question");
    assert.equal(await readded.progress().textContent(), "Question 1 of 15");
    assert.equal(await second.screenName(), "intro");
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe("a Chinese-speaking visitor", () => {
  test("gets the quiz in Chinese from the browser's languages, and can switch", async () => {
    const { page, context, errors } = await open("/pages/plain.html", { locale: "zh-CN" });
    const quiz = new Quiz(page);
    await quiz.waitFor("intro");
    const title = quiz.host.locator(".lq-intro .lq-title");
    assert.match(await title.textContent(), /[\u4e00-\u9fff]/, "intro title in Chinese");
    const switcher = quiz.host.locator(".lq-langs button");
    assert.equal(await switcher.count(), 2);
    assert.equal(await quiz.host.locator('.lq-langs [aria-pressed="true"]').textContent(), "简体中文");
    await quiz.host.locator('.lq-langs button[lang="en"]').click();
    await page.waitForFunction(() =>
      /Where/.test(document.querySelector("levels-quiz").shadowRoot.querySelector(".lq-title")?.textContent ?? ""),
    );
    assert.equal(await page.locator("levels-quiz").getAttribute("lang"), "en");
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const [label, width] of [["phone", 320], ["desktop", 1280]]) {
    test(`completes it in Chinese with lang="zh-CN" at ${width}px and reads a Chinese result`, async () => {
      const { page, context, errors } = await open("/pages/zh.html", { width, height: 900 });
      const quiz = new Quiz(page);
      await quiz.waitFor("intro");
      await page.emulateMedia({ reducedMotion: "reduce" });
      await screenshot(page, `zh-${label}-intro`);
      await quiz.start();
      assert.equal(await quiz.progress().textContent(), `第 1 题，共 ${STUCK_VP.length} 题`);
      await screenshot(page, `zh-${label}-question`);
      for (const id of STUCK_VP) await quiz.answer(id);
      await quiz.waitFor("result");
      // Same answers, same outcome as in English: option ids are shared.
      assert.equal(await quiz.screen().getAttribute("data-verdict"), "incomplete-promotion");
      const headline = await quiz.host.locator(".lq-result .lq-title").textContent();
      assert.match(headline, /[\u4e00-\u9fff]/, "headline in Chinese");
      assert.match(await quiz.host.locator(".lq-summary").textContent(), /统筹层/);
      await screenshot(page, `zh-${label}-result`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page overflows by ${overflow}px`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  // A file from another release fails the hash this release's script carries (as a
  // changed copy on a CDN would; tests/e2e/package.test.mjs serves one from another
  // origin): it is refused, whatever the language.
  test("a language file from another release is refused: the element's own content stays, the error says integrity", async () => {
    const stale = await fromAnotherRelease("levels-quiz.zh-CN.bin");
    const { page, context, warnings } = await open("/pages/zh.html", {
      route: async (page) => {
        await page.addInitScript(() => {
          window.__errors = [];
          document.addEventListener("levels-quiz:error", (e) => window.__errors.push(e.detail));
        });
        await page.route("**/levels-quiz.zh-CN.bin", (route) => route.fulfill({ body: stale, contentType: "application/octet-stream" }));
      },
    });
    await page.waitForFunction(() => window.__errors.length > 0);
    assert.deepEqual((await page.evaluate(() => window.__errors)).map((e) => e.code), ["integrity"]);
    const host = page.locator("levels-quiz");
    assert.equal(await host.getAttribute("data-lq-state"), "failed");
    assert.equal(await host.locator("[data-screen]").count(), 0);
    assert.ok(warnings.some((w) => /levels-quiz\.zh-CN\.bin does not match this release of levels-quiz/.test(w)), warnings.join("\n"));
    await context.close();
  });

  test("restart() on an error panel fetches the quiz again", async () => {
    let fail = true;
    const { page, context } = await open("/pages/plain.html", {
      route: (page) => page.route("**/levels-quiz.en.bin", (route) => (fail ? route.fulfill({ status: 503, body: "" }) : route.continue())),
    });
    const quiz = new Quiz(page);
    await quiz.waitFor("error");
    assert.match((await quiz.host.locator(".lq-problems li").allTextContents()).join(), /English quiz could not be loaded \(HTTP 503\)/);
    fail = false;
    await page.evaluate(() => document.querySelector("levels-quiz").restart());
    await quiz.waitFor("intro");
    await context.close();
  });

  test("result texts from another release: the visitor keeps their answers, the console names the file, Try again fetches it afresh", async () => {
    const stale = await fromAnotherRelease("levels-quiz.en.result.bin");
    let deployed = false;
    let asked = 0;
    const { page, context, warnings } = await open("/pages/plain.html", {
      route: (page) =>
        page.route("**/levels-quiz.en.result.bin", (route) => {
          asked++;
          return deployed ? route.continue() : route.fulfill({ body: stale, contentType: "application/octet-stream" });
        }),
    });
    const quiz = new Quiz(page);
    await quiz.start();
    for (const id of STUCK_VP) await quiz.answer(id);
    await quiz.waitFor("unavailable");
    assert.ok(
      warnings.some((w) => /levels-quiz\.en\.result\.bin does not match this release of levels-quiz/.test(w)),
      warnings.join("\n"),
    );
    const before = asked;
    deployed = true;
    await quiz.host.locator("[data-screen=unavailable] button").click();
    await quiz.waitFor("result");
    assert.equal(await quiz.screen().getAttribute("data-verdict"), "incomplete-promotion");
    assert.ok(asked > before, "Try again fetched the file again");
    await context.close();
  });
});
