// End-to-end: the framed mode (README.md, "In a frame"). dist/frame.html on one origin,
// in an iframe of a host page on another, with the host helper dist/levels-quiz-frame.js:
// the quiz completes in the frame, the iframe's height follows it, the host page hears
// the quiz's events (as CustomEvents on the iframe and in window.dataLayer, as the
// element itself fires and pushes them), forged messages are ignored, and the call to
// action leaves for the top window (or a new tab from a sandboxed frame).
//
// Three servers (support.mjs's startServer), three origins: the host page is served as
// http://localhost:PORT, the bundle and a forger as http://127.0.0.1:PORT on two other
// ports. The bundle's origin answers with CORS, as a CDN must (README, Hosting).
//
// Run: node --test --test-concurrency=1 tests/e2e/frame.test.mjs
// Screenshots at phone width land in tests/e2e/artifacts/frame/.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { artifacts, launch, Quiz, repo, startServer, STUCK_VP } from "./support.mjs";
import { checkLead, EVENT_NAMES, holdCtaNavigation, openPage, STUCK_VP_CTA, STUCK_VP_OUTCOME } from "./marketer-support.mjs";

const README = await readFile(join(repo, "README.md"), "utf8");
const FRAME_SECTION = README.split("### In a frame")[1]?.split(/^##/m)[0] ?? "";
// The events table of README.md's "Events": levels-quiz:<name> per row.
const README_EVENTS = [
  ...(README.split("### Events")[1]?.split(/^##/m)[0] ?? "").matchAll(/^\| `levels-quiz:([a-z-]+)` \|/gm),
].map((m) => m[1]);

const VISITOR = { name: "Ada Lovelace", email: "ada@example.com" };
const FRAME_HEIGHT = 600;

let hostServer;
let bundleServer;
let otherServer;
let hostOrigin;
let bundleOrigin;
let otherOrigin;
let browser;

before(async () => {
  [hostServer, bundleServer, otherServer] = await Promise.all([startServer(), startServer(), startServer()]);
  hostOrigin = hostServer.origin.replace("127.0.0.1", "localhost");
  bundleOrigin = bundleServer.origin;
  otherOrigin = otherServer.origin;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await Promise.all([hostServer, bundleServer, otherServer].map((s) => s?.close()));
});

/** frame.html on the bundle's origin, with `params` as its query. */
function frameUrl(params = {}) {
  const url = new URL(`${bundleOrigin}/dist/frame.html`);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}

const ctaUrl = () => `${hostOrigin}/booked`;
const bookedUrl = () => `${ctaUrl()}?level=${STUCK_VP_OUTCOME.level}&verdict=${STUCK_VP_OUTCOME.verdict}`;

/**
 * A host page on the host origin holding `frames` (`{ id, src, attrs }`, attrs as
 * written in the tag), loading the helper from the bundle's origin unless `helper` is
 * false; `pages` (URL -> HTML) are served too. Its script records every levels-quiz:* event reaching the document, every
 * dataLayer push and every message, in `log` (node side, so a record survives the page
 * navigating away), and an iframe's default height is FRAME_HEIGHT.
 */
async function openHost({ frames, helper = true, viewport = { width: 1000, height: 900 }, sandbox, pages = {} }) {
  const context = await browser.newContext({ viewport, reducedMotion: "reduce" });
  const log = [];
  const errors = [];
  // The other origins' files come through here: the bundle's origin is a CDN, with CORS
  // on everything. (The host page is served from here too, so Chromium treats all of
  // them as public addresses: no local network access checks between the servers.)
  for (const origin of [bundleOrigin, otherOrigin]) {
    await context.route(`${origin}/**`, async (route) => {
      // A test may close its context while a file is still on its way: that request
      // is then simply dropped.
      const response = await route.fetch().catch(() => null);
      if (response === null) return route.abort().catch(() => {});
      await route
        .fulfill({ response, headers: { ...response.headers(), "access-control-allow-origin": "*" } })
        .catch(() => {});
    });
  }
  await context.route(`${ctaUrl()}**`, (route) =>
    route.fulfill({ contentType: "text/html", body: "<!doctype html><title>booked</title><h1>Booked</h1>" }),
  );
  const tags = frames
    .map(
      ({ id, src, attrs = "data-levels-quiz" }) =>
        `<iframe id="${id}" ${attrs} ${sandbox ? `sandbox="${sandbox}"` : ""} title="Quiz" src="${src}"
          style="display: block; border: 0; width: 100%; height: ${FRAME_HEIGHT}px"></iframe>`,
    )
    .join("\n");
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>framed mode: host</title>
    <script>
      window.dataLayer = [];
      const push = window.dataLayer.push.bind(window.dataLayer);
      window.dataLayer.push = (...items) => {
        for (const item of items) window.__lqLog({ kind: "dataLayer", item });
        return push(...items);
      };
      for (const name of ${JSON.stringify(README_EVENTS)}) {
        document.addEventListener("levels-quiz:" + name, (event) =>
          window.__lqLog({
            kind: "event",
            type: event.type,
            target: event.target.id,
            bubbles: event.bubbles,
            composed: event.composed,
            detail: event.detail,
          }),
        );
      }
      addEventListener("message", (event) =>
        window.__lqLog({ kind: "message", origin: event.origin, data: event.data }),
      );
    </script>
    ${helper ? `<script type="module" src="${bundleOrigin}/dist/levels-quiz-frame.js"></script>` : ""}
  </head>
  <body>
    <h1>A host page</h1>
    ${tags}
    <p id="below">Below the quiz.</p>
  </body>
</html>`;
  for (const [url, body] of Object.entries({ ...pages, [`${hostOrigin}/host.html`]: html })) {
    await context.route(url, (route) => route.fulfill({ contentType: "text/html", body }));
  }
  const page = await context.newPage();
  await page.exposeFunction("__lqLog", (entry) => log.push(entry));
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (msg) => msg.type() === "error" && errors.push(`console: ${msg.text()}`));
  await page.goto(`${hostOrigin}/host.html`);
  return { page, context, log, errors };
}

/** The quiz in the iframe `#id`. */
function framedQuiz(page, id = "quiz") {
  return new Quiz(page, page.frameLocator(`#${id}`).locator("levels-quiz"));
}

/** The Frame (playwright) of the iframe `#id`. */
async function frameOf(page, id = "quiz") {
  return (await page.locator(`#${id}`).elementHandle()).contentFrame();
}

const eventsIn = (log, type) =>
  log.filter((e) => e.kind === "event" && (type === undefined || e.type === `levels-quiz:${type}`));
const pushes = (log) => log.filter((e) => e.kind === "dataLayer").map((e) => e.item);

/** Waits until `predicate()` holds (polling), or fails with `what`. */
async function until(predicate, what, ms = 5000) {
  for (const deadline = Date.now() + ms; !(await predicate()); ) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 25));
  }
}

/** The iframe's height on the host page, and the frame's content height (both whole px). */
async function heights(page, id = "quiz") {
  const frame = await frameOf(page, id);
  return {
    iframe: await page.locator(`#${id}`).evaluate((el) => el.getBoundingClientRect().height),
    content: await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)),
  };
}

/** Waits until the iframe is exactly as tall as its content, and returns that height. */
async function heightFollows(page, what, id = "quiz") {
  let last;
  await until(async () => {
    last = await heights(page, id);
    return last.iframe === last.content;
  }, `the iframe's height to follow its content (${what})`).catch((error) => {
    error.message += `: ${JSON.stringify(last)}`;
    throw error;
  });
  return last.iframe;
}

// --------------------------------------------------------------------------------------

test("the frame's and the helper's event lists are README's events table", async () => {
  assert.deepEqual(README_EVENTS, ["ready", "start", "answer", "complete", "cta", "lead", "error"]);
  for (const file of ["js/frame.js", "js/levels-quiz-frame.js"]) {
    const source = await readFile(join(repo, file), "utf8");
    const list = source.match(/^const EVENTS = (\[[^\]]*\]);$/m)?.[1];
    assert.ok(list, `${file} has no one-line EVENTS list`);
    assert.deepEqual(JSON.parse(list), README_EVENTS, file);
  }
  // The frame's attribute list is the element's own (observedAttributes), not a copy.
  assert.match(await readFile(join(repo, "js/frame.js"), "utf8"), /LevelsQuizElement\.observedAttributes/);
});

describe("the quiz in a frame on another origin", () => {
  // The same run on a page holding the element itself (analytics on): what the host
  // page must hear from the frame, event for event and push for push.
  let reference;
  before(async () => {
    const { page, context, errors } = await openPage(
      browser,
      bundleOrigin,
      `/pages/marketer/host.html?lq-analytics=&lq-persist=off&lq-cta-href=${encodeURIComponent(ctaUrl())}`,
      { init: ["window.dataLayer = [];"] },
    );
    const quiz = new Quiz(page);
    await quiz.completeWith(STUCK_VP);
    await holdCtaNavigation(page);
    await quiz.host.locator("a.lq-cta-button").click();
    await page.waitForFunction(() => window.__lqEvents.some((e) => e.type === "levels-quiz:cta"));
    reference = await page.evaluate(() => ({
      events: window.__lqEvents.map(({ type, bubbles, composed, detail }) => ({ type, bubbles, composed, detail })),
      dataLayer: JSON.parse(JSON.stringify(window.dataLayer)),
    }));
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const viewport of [
    { width: 1000, height: 900 },
    { width: 375, height: 740 },
  ]) {
    const at = `at ${viewport.width} px`;

    test(`${at}: the quiz completes, the iframe's height follows it, the host hears every event as the element fires it, and the call to action navigates the top page`, async () => {
      const { page, context, log, errors } = await openHost({
        viewport,
        frames: [{ id: "quiz", attrs: "data-levels-quiz data-analytics", src: frameUrl({ "cta-href": ctaUrl(), persist: "off" }) }],
      });
      const quiz = framedQuiz(page);
      await quiz.waitFor("intro");
      const intro = await heightFollows(page, "intro");
      assert.notEqual(intro, FRAME_HEIGHT);

      // The widget fills the frame's width; the frame's body has no margin.
      const frame = await frameOf(page);
      const layout = await frame.evaluate(() => ({
        margin: getComputedStyle(document.body).margin,
        width: document.querySelector("levels-quiz").getBoundingClientRect().width,
        viewport: document.documentElement.clientWidth,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      }));
      assert.deepEqual(layout, { margin: "0px", width: layout.viewport, viewport: layout.viewport, overflow: 0 });
      assert.equal(layout.viewport, await page.locator("#quiz").evaluate((el) => el.clientWidth));

      await quiz.start();
      await quiz.answer(STUCK_VP[0]);
      const question = await heightFollows(page, "a question");
      for (const id of STUCK_VP.slice(1)) await quiz.answer(id);
      await quiz.waitFor("result");
      const result = await heightFollows(page, "the result");
      assert.ok(result > question, `the result (${result} px) is taller than a question (${question} px)`);
      // Nothing to scroll inside the frame: the host page scrolls.
      assert.equal(await frame.evaluate(() => document.documentElement.scrollHeight - innerHeight), 0);
      if (viewport.width < 500) {
        await mkdir(join(artifacts, "frame"), { recursive: true });
        await page.screenshot({ path: join(artifacts, "frame", `result-${viewport.width}.png`), fullPage: true });
      }

      // The call to action: its event reaches the host, then the top page leaves.
      const popups = [];
      context.on("page", (p) => popups.push(p));
      await quiz.host.locator("a.lq-cta-button").click();
      await page.waitForURL(bookedUrl());
      assert.equal(await page.locator("h1").textContent(), "Booked");
      assert.equal(popups.length, 0, "no new tab");

      // Every event, on the iframe element, bubbling and composed, with the element's
      // own detail; the dataLayer as the element pushes it.
      const heard = eventsIn(log);
      assert.ok(heard.every((e) => e.target === "quiz" && e.bubbles && e.composed), JSON.stringify(heard[0]));
      assert.deepEqual(
        heard.map(({ type, bubbles, composed, detail }) => ({ type, bubbles, composed, detail })),
        reference.events,
      );
      assert.deepEqual(
        heard.map((e) => e.type.slice("levels-quiz:".length)).filter((t, i, all) => all.indexOf(t) === i),
        ["ready", "start", "answer", "complete", "cta"],
      );
      assert.deepEqual(pushes(log), reference.dataLayer);
      assert.deepEqual(pushes(log).at(-1), { event: "levels_quiz_cta", ...STUCK_VP_CTA });
      assert.deepEqual(errors, []);
      await context.close();
    });

    test(`${at}: in a sandboxed frame that may not navigate the top page, the call to action opens a new tab`, async () => {
      const { page, context, log, errors } = await openHost({
        viewport,
        sandbox: "allow-scripts allow-same-origin allow-forms allow-popups",
        frames: [{ id: "quiz", attrs: "data-levels-quiz data-analytics", src: frameUrl({ "cta-href": ctaUrl(), persist: "off" }) }],
      });
      const quiz = framedQuiz(page);
      await quiz.completeWith(STUCK_VP);
      await heightFollows(page, "the result");
      const [tab] = await Promise.all([context.waitForEvent("page"), quiz.host.locator("a.lq-cta-button").click()]);
      await tab.waitForLoadState();
      assert.equal(tab.url(), bookedUrl());
      assert.equal(await tab.evaluate(() => window.opener), null, "opened without an opener");
      assert.equal(page.url(), `${hostOrigin}/host.html`, "the host page stays");
      await until(() => eventsIn(log, "cta").length === 1, "the cta event");
      assert.deepEqual(eventsIn(log, "cta")[0].detail, STUCK_VP_CTA);
      assert.deepEqual(pushes(log).at(-1), { event: "levels_quiz_cta", ...STUCK_VP_CTA });
      // Chromium reports the refused top navigation, which the frame then works around.
      assert.deepEqual(
        errors.filter((e) => !/Unsafe attempt to initiate navigation|does not have permission to navigate/.test(e)),
        [],
      );
      await context.close();
    });
  }

  test("a sandboxed frame allowed to navigate the top page on a click does so", async () => {
    const { page, context, log } = await openHost({
      sandbox: "allow-scripts allow-same-origin allow-forms allow-top-navigation-by-user-activation",
      frames: [{ id: "quiz", src: frameUrl({ "cta-href": ctaUrl(), persist: "off" }) }],
    });
    const quiz = framedQuiz(page);
    await quiz.completeWith(STUCK_VP);
    const popups = [];
    context.on("page", (p) => popups.push(p));
    await quiz.host.locator("a.lq-cta-button").click();
    await page.waitForURL(bookedUrl());
    assert.equal(popups.length, 0, "no new tab");
    // Without data-analytics the helper pushes nothing (events still arrive).
    assert.equal(eventsIn(log, "cta").length, 1);
    assert.deepEqual(pushes(log), []);
    await context.close();
  });
});

test("the lead event reaches the host page without the visitor's name and email", async () => {
  const { page, context, log, errors } = await openHost({
    frames: [{ id: "quiz", attrs: "data-levels-quiz data-analytics", src: frameUrl({ lead: "before-results", persist: "off" }) }],
  });
  const quiz = framedQuiz(page);
  await quiz.start();
  for (const id of STUCK_VP) await quiz.answer(id);
  await quiz.waitFor("lead");
  await quiz.host.locator("#lq-lead-name").fill(VISITOR.name);
  await quiz.host.locator("#lq-lead-email").fill(VISITOR.email);
  await quiz.host.locator("#lq-lead-consent").check();
  await quiz.host.locator(".lq-lead-form button[type=submit]").click();
  await until(() => eventsIn(log, "lead").length === 1, "the lead event");
  const lead = eventsIn(log, "lead")[0];
  await until(() => eventsIn(log, "complete").length === 1, "the complete event");
  checkLead(assert, lead.detail, eventsIn(log, "complete")[0].detail, { consent: true });
  // Not in any message the frame posted either.
  const posted = JSON.stringify(log.filter((e) => e.kind === "message"));
  assert.ok(!posted.includes(VISITOR.email) && !posted.includes(VISITOR.name), posted);
  assert.deepEqual(pushes(log).find((p) => p.event === "levels_quiz_lead"), { event: "levels_quiz_lead", ...STUCK_VP_OUTCOME });
  assert.deepEqual(errors, []);
  await context.close();
});

test("forged messages are ignored: the host page's own, other windows', and a quiz iframe's that went to another origin", async () => {
  const forger = (origin, query = "") => `${origin}/pages/frame-forger.html${query}`;
  const { page, context, log, errors } = await openHost({
    frames: [
      // The real quiz: its ready event and height get through.
      { id: "quiz", attrs: "data-levels-quiz data-analytics", src: frameUrl({ persist: "off" }) },
      // Another origin's window.
      { id: "stranger", attrs: "", src: forger(otherOrigin) },
      // The quiz's origin, but not a quiz iframe's window.
      { id: "neighbour", attrs: "", src: forger(bundleOrigin) },
      // A quiz iframe whose page went on to another origin than its src's.
      { id: "moved", attrs: "data-levels-quiz data-analytics", src: forger(bundleOrigin, `?go=${encodeURIComponent(forger(otherOrigin))}`) },
    ],
  });
  await page.evaluate(() => {
    for (const type of ["levels-quiz:start", "levels-quiz:complete", "levels-quiz:cta"])
      window.postMessage({ source: "levels-quiz", type, detail: { level: "communication", verdict: "aligned" } }, "*");
    window.postMessage({ source: "levels-quiz", type: "levels-quiz:resize", height: 7 }, "*");
    window.postMessage({ forger: "done" }, "*");
  });
  const done = () => log.filter((e) => e.kind === "message" && e.data?.forger === "done");
  await until(() => done().length === 4, "four forgers to finish").catch((e) => {
    e.message += `: ${JSON.stringify(log.filter((m) => m.kind === "message"))}`;
    throw e;
  });
  assert.deepEqual(done().map((e) => e.origin).sort(), [bundleOrigin, hostOrigin, otherOrigin, otherOrigin].sort());
  await until(() => eventsIn(log, "ready").length === 1, "the real quiz's ready event");
  await heightFollows(page, "intro");
  // One more round trip through the page: anything the helper did is in the log.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(ok)));

  assert.deepEqual(
    eventsIn(log).map((e) => [e.type, e.target]),
    [["levels-quiz:ready", "quiz"]],
  );
  assert.deepEqual(pushes(log), []);
  for (const id of ["stranger", "neighbour", "moved"]) {
    assert.equal(await page.locator(`#${id}`).evaluate((el) => el.getBoundingClientRect().height), FRAME_HEIGHT, id);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test("query parameters: every attribute of the element by its own name, nothing else", async () => {
  const { page, context } = await openHost({ helper: false, frames: [{ id: "quiz", src: frameUrl() }] });
  const frame = await frameOf(page);
  await frame.locator("levels-quiz").waitFor({ state: "attached" });
  const observed = await frame.evaluate(() => customElements.get("levels-quiz").observedAttributes);
  assert.ok(observed.includes("cta-href") && observed.includes("lang"), observed.join());
  // A value for each, and one parameter the element does not have.
  const params = Object.fromEntries(observed.map((name, i) => [name, `value-${i}`]));
  Object.assign(params, { lang: "zh-CN", theme: "dark", analytics: "", content: "", "not-an-attribute": "x" });
  await page.locator("#quiz").evaluate((el, src) => (el.src = src), frameUrl(params));
  await frame.waitForURL(/not-an-attribute/);
  await frame.locator("levels-quiz").waitFor({ state: "attached" });
  const attributes = await frame.evaluate(() =>
    Object.fromEntries([...document.querySelector("levels-quiz").attributes].map((a) => [a.name, a.value])),
  );
  delete attributes["data-lq-state"];
  delete params["not-an-attribute"];
  assert.deepEqual(attributes, params);
  await context.close();
});

test("a content file that cannot load: the error event reaches the host page", async () => {
  const { page, context, log } = await openHost({
    frames: [{ id: "quiz", src: frameUrl({ content: "missing.json" }) }],
  });
  await until(() => eventsIn(log, "error").length === 1, "the error event");
  assert.equal(eventsIn(log, "error")[0].detail.code, "content-unavailable");
  assert.match(eventsIn(log, "error")[0].detail.message, /missing\.json could not be loaded \(HTTP 404\)/);
  await heightFollows(page, "the error panel");
  await context.close();
});

test("without the helper the frame still works, at the height the page gives it, with no events outside", async () => {
  const { page, context, log, errors } = await openHost({
    helper: false,
    frames: [{ id: "quiz", attrs: "data-levels-quiz data-analytics", src: frameUrl({ persist: "off" }) }],
  });
  const quiz = framedQuiz(page);
  await quiz.completeWith(STUCK_VP);
  assert.equal(await page.locator("#quiz").evaluate((el) => el.getBoundingClientRect().height), FRAME_HEIGHT);
  // The frame scrolls instead.
  const frame = await frameOf(page);
  assert.ok(await frame.evaluate(() => document.documentElement.scrollHeight > innerHeight));
  assert.deepEqual(eventsIn(log), []);
  assert.ok(log.some((e) => e.kind === "message" && e.data?.type === "levels-quiz:complete"), "the frame posted");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a helper that loads after the frame still sizes it, and iframes added later are handled", async () => {
  const { page, context, log } = await openHost({
    helper: false,
    frames: [{ id: "quiz", src: frameUrl({ persist: "off" }) }],
  });
  const quiz = framedQuiz(page);
  await quiz.waitFor("intro");
  // The frame's first height went to a page without the helper.
  await until(() => log.some((e) => e.kind === "message" && e.data?.type === "levels-quiz:resize"), "a resize message");
  assert.equal((await heights(page)).iframe, FRAME_HEIGHT);
  await page.addScriptTag({ type: "module", url: `${bundleOrigin}/dist/levels-quiz-frame.js` });
  await heightFollows(page, "a helper loaded late");

  await page.evaluate((src) => {
    const iframe = document.createElement("iframe");
    Object.assign(iframe, { id: "later", src, title: "Quiz" });
    iframe.setAttribute("data-levels-quiz", "");
    iframe.style.cssText = "display: block; border: 0; width: 100%";
    document.body.append(iframe);
  }, frameUrl({ persist: "off" }));
  const later = framedQuiz(page, "later");
  await later.start();
  await heightFollows(page, "an iframe added later", "later");
  await until(() => eventsIn(log, "start").some((e) => e.target === "later"), "the later iframe's start event");
  await context.close();
});

test("the pasted version (README): the page's own element, the script from the bundle's origin", async () => {
  const snippet = [...FRAME_SECTION.matchAll(/```html\n([\s\S]*?)```/g)]
    .map((m) => m[1])
    .find((code) => code.includes("/frame.js") && code.includes("<levels-quiz"));
  assert.ok(snippet, "README's In a frame section shows the pasted version");
  const cdn = snippet.match(/src="(https:\/\/[^"]+\/)frame\.js"/)?.[1];
  assert.ok(cdn, "the pasted version loads frame.js by an absolute URL");
  // A site builder's own origin frames the pasted HTML; the bundle is on a CDN.
  const pastedUrl = `${otherOrigin}/pasted.html`;
  const pasted = snippet.replaceAll(cdn, `${bundleOrigin}/dist/`).replace('share="off"', 'share="off" persist="off"');
  const { page, context, log, errors } = await openHost({
    frames: [{ id: "quiz", attrs: "data-levels-quiz data-analytics", src: pastedUrl }],
    pages: { [pastedUrl]: `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">\n${pasted}` },
  });
  const quiz = framedQuiz(page);
  await quiz.waitFor("intro");
  const frame = await frameOf(page);
  assert.equal(await frame.evaluate(() => document.querySelectorAll("levels-quiz").length), 1, "the page's own element, no second one");
  assert.equal(await frame.evaluate(() => getComputedStyle(document.body).margin), "0px");
  await quiz.start();
  await quiz.answer(STUCK_VP[0]);
  await heightFollows(page, "a question");
  await until(() => eventsIn(log, "answer").length === 1, "the answer event");
  assert.deepEqual(
    eventsIn(log).map((e) => e.type),
    ["levels-quiz:ready", "levels-quiz:start", "levels-quiz:answer"],
  );
  assert.deepEqual(pushes(log).at(-1), { event: "levels_quiz_answer", question_id: "role", option_id: STUCK_VP[0] });
  assert.deepEqual(errors, []);
  await context.close();
});

test("README's frame section shows the iframe, the helper and the lead's omission", () => {
  assert.match(FRAME_SECTION, /<iframe data-levels-quiz[^>]*src="[^"]*\/frame\.html\?/);
  assert.match(FRAME_SECTION, /<script type="module" src="[^"]*\/levels-quiz-frame\.js"><\/script>/);
  assert.match(FRAME_SECTION, /\{ source: "levels-quiz", type: "levels-quiz:resize", height \}/);
  assert.match(FRAME_SECTION, /leaves out the visitor's `name` and `email`/);
  assert.match(FRAME_SECTION, /allow-popups/);
});
