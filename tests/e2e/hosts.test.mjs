// Robustness on real host pages: CSS frameworks and resets, right-to-left, a strict
// CSP, <base href>, twenty widgets, a single-page app; and hostile input from the
// host (payloads in attributes, fallback and content). On each page the quiz must
// complete, look as it does on tests/e2e/pages/plain.html, and leave the page's own
// styles alone.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  comparePng,
  completeFast,
  content,
  HOST_COMMON_CSS,
  hostStyles,
  injectedElements,
  launch,
  NO_INJECTED,
  openPage,
  Quiz,
  saveComparison,
  startServer,
  STUCK_VP,
  styleDifferences,
  widgetShots,
} from "./hosts-support.mjs";

// At most this share of a widget screenshot may differ from the plain page's.
const TOLERANCE = 0.01;

let server;
let browser;
let reference;

before(async () => {
  server = await startServer();
  browser = await launch();
  // The reference: the plain page, with the same fixed font and width as every host.
  const { page, context, errors } = await openPage(browser, server.origin, "/pages/plain.html");
  await page.addStyleTag({ url: HOST_COMMON_CSS });
  reference = await widgetShots(page, new Quiz(page));
  assert.deepEqual(errors, []);
  await context.close();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Asserts that each of `shots` matches the plain page's within the tolerance. */
async function assertLooksPlain(name, shots) {
  const failures = [];
  for (const screen of ["intro", "question", "result"]) {
    const { ratio, sizes, diff } = comparePng(shots[screen], reference[screen]);
    if (ratio > TOLERANCE) {
      const dir = await saveComparison(`${name}-${screen}`, shots[screen], reference[screen], diff);
      failures.push(`${screen}: ${(ratio * 100).toFixed(2)}% of pixels differ (${sizes}); images in ${dir}`);
    }
  }
  assert.deepEqual(failures, [], `${name} does not look like the plain page`);
}

/** Waits until every <levels-quiz> on the page has started. */
async function allReady(page) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll("levels-quiz")].every((el) => el.getAttribute("data-lq-state") === "ready"),
  );
}

// Each host page, with properties of its own elements that must not change when the
// widget loads (the generic check compares every element's computed style as well).
const HOSTS = [
  {
    name: "bootstrap",
    path: "/pages/hosts/bootstrap.html",
    probes: [
      ["#host-primary", "background-color"],
      ["#host-primary", "border-radius"],
      ["h1", "font-size"],
      [".navbar", "background-color"],
      ["#host-email", "border-top-color"],
      ["#host-email", "padding-left"],
      ["body", "font-family"],
    ],
  },
  {
    name: "tailwind",
    path: "/pages/hosts/tailwind.html",
    probes: [
      ["h1", "font-size"],
      [".host-button", "background-color"],
      [".host-list", "list-style-type"],
      ["img", "display"],
    ],
  },
  {
    name: "aggressive",
    path: "/pages/hosts/aggressive.html",
    probes: [
      ["html", "font-size"],
      ["h1", "font-size"],
      [".host-button", "background-color"],
      ["ul", "list-style-type"],
    ],
  },
  { name: "rtl", path: "/pages/hosts/rtl.html", probes: [["h1", "font-size"], [".host-button", "background-color"], ["body", "direction"]] },
  { name: "csp", path: "/pages/hosts/csp.html", probes: [["h1", "font-size"], [".host-button", "background-color"]] },
  { name: "base-href", path: "/pages/hosts/base-href.html", probes: [["h1", "font-size"], [".host-button", "background-color"]] },
  { name: "many", path: "/pages/hosts/many.html", probes: [["h1", "font-size"], [".host-button", "background-color"], ["h2", "font-size"]] },
  { name: "spa", path: "/pages/hosts/spa.html#/quiz", probes: [["h1", "font-size"], [".host-button", "background-color"]] },
];

// Known widget bugs (rtl and aggressive keyed by host page): the tests stay, marked
// todo until the fix lands, so they start passing, and say so, once it does.
// Bugs this suite found, fixed since; kept as a map so a regression can be marked
// todo again while its fix is under way.
const TODO = {};

for (const host of HOSTS) {
  describe(`host page: ${host.name}`, () => {
    test("the quiz completes, with no error and no CSP violation", async (t) => {
      const { page, context, errors, violations } = await openPage(browser, server.origin, host.path);
      const quiz = new Quiz(page);
      const shots = await widgetShots(page, quiz);
      assert.equal(await quiz.screen().getAttribute("data-verdict"), "incomplete-promotion");
      assert.equal(await quiz.screen().getAttribute("data-level"), "unification");
      assert.deepEqual(errors, []);
      assert.deepEqual(await violations(), []);
      await context.close();
      await t.test("and looks as it does on the plain page", { todo: TODO[host.name] }, () => assertLooksPlain(host.name, shots));
    });

    test("the page's own elements keep their styles", async () => {
      const without = await openPage(browser, server.origin, host.path, { block: "**/dist/levels-quiz.js" });
      const before = await hostStyles(without.page);
      const probesBefore = await probe(without.page, host.probes);
      await without.context.close();

      const { page, context, errors } = await openPage(browser, server.origin, host.path);
      await allReady(page);
      await new Quiz(page).waitFor("intro");
      const probesAfter = await probe(page, host.probes);
      assert.deepEqual(probesAfter, probesBefore);
      assert.deepEqual(styleDifferences(before, await hostStyles(page)), []);
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}

/** `selector property: value` for each probe, reading the first match. */
function probe(page, probes) {
  return page.evaluate(
    (probes) =>
      probes.map(([selector, property]) => {
        const el = document.querySelector(selector);
        return `${selector} ${property}: ${el ? getComputedStyle(el).getPropertyValue(property) : "(missing)"}`;
      }),
    probes,
  );
}

describe("host page specifics", () => {
  test("bootstrap: the page's own scripts keep working beside the widget", async () => {
    const { page, context, errors } = await openPage(browser, server.origin, "/pages/hosts/bootstrap.html");
    await new Quiz(page).waitFor("intro");
    assert.equal(await page.evaluate(() => typeof window.bootstrap?.Dropdown), "function");
    await page.locator("#host-dropdown").click();
    await page.locator(".dropdown-menu.show").waitFor();
    await page.keyboard.press("Escape");
    await page.locator(".dropdown-menu.show").waitFor({ state: "detached" });
    // And the widget still answers clicks with Bootstrap's handlers on the page.
    const quiz = new Quiz(page);
    await quiz.start();
    await quiz.answer(STUCK_VP[0]);
    assert.equal(await quiz.progress().textContent(), `Question 2 of ${STUCK_VP.length}`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("csp: a full run under the strict policy records no violation", async () => {
    const { page, context, errors, violations } = await openPage(browser, server.origin, null);
    const response = await page.goto(server.origin + "/pages/hosts/csp.html");
    assert.equal(
      response.headers()["content-security-policy"],
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'",
    );
    const quiz = new Quiz(page);
    await quiz.completeWith(STUCK_VP);
    await quiz.host.locator("details.lq-term summary").first().click();
    await quiz.host.locator(".lq-end button").click();
    await quiz.waitFor("intro");
    // Styled: the adopted stylesheet applied, so the start button wears the accent.
    const background = await quiz.host.locator("[data-screen=intro] .lq-start-row button").evaluate((b) => getComputedStyle(b).backgroundColor);
    assert.equal(background, "rgb(31, 95, 87)");
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
    // The recorder works: an inline <style> is refused and logged.
    await page.evaluate(() => {
      const style = document.createElement("style");
      style.textContent = "h1 { color: red }";
      document.head.append(style);
    });
    await page.waitForFunction(() => window.__cspViolations.length > 0);
    assert.match((await violations())[0], /^style-src-elem blocked inline/);
    await context.close();
  });

  test("base-href: the wasm loads from the script's folder, not the base", async () => {
    const { page, context, errors } = await openPage(browser, server.origin, null);
    const wasm = page.waitForRequest((r) => r.url().endsWith(".wasm"));
    await page.goto(server.origin + "/pages/hosts/base-href.html");
    assert.equal((await wasm).url(), `${server.origin}/dist/levels-quiz_bg.wasm`);
    await new Quiz(page).waitFor("intro");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(
    "call to action: a #fragment link scrolls within the page, without a reload or leaving it",
    { todo: TODO.cta },
    async () => {
      assert.equal(content.cta.href, "#book");
      // The plain page, and a page whose <base href> would send a bare "#book" elsewhere.
      for (const path of ["/pages/plain.html", "/pages/hosts/base-href.html"]) {
        const { page, context, errors } = await openPage(browser, server.origin, path);
        const quiz = new Quiz(page);
        await quiz.waitFor("intro");
        await completeFast(quiz.host, STUCK_VP);
        await page.evaluate(() => (window.__samePage = true));
        await quiz.host.locator(".lq-cta-button").click();
        await page.waitForTimeout(300);
        const url = new URL(page.url());
        assert.equal(`${url.pathname}${url.hash}`, `${path}#book`, `the CTA went to ${page.url()}`);
        assert.equal(await page.evaluate(() => window.__samePage), true, `${path}: the CTA reloaded the page (${page.url()})`);
        assert.deepEqual(errors, []);
        await context.close();
      }
    },
  );

  test("aggressive: the widget keeps the height it reserves, as on the plain page", { todo: TODO.aggressive }, async () => {
    const heights = {};
    for (const path of ["/pages/plain.html", "/pages/hosts/aggressive.html"]) {
      const { page, context, errors } = await openPage(browser, server.origin, path);
      const quiz = new Quiz(page);
      await quiz.waitFor("intro");
      heights[path] = await quiz.host.evaluate((el) => getComputedStyle(el).minHeight);
      assert.deepEqual(errors, []);
      await context.close();
    }
    assert.equal(heights["/pages/hosts/aggressive.html"], heights["/pages/plain.html"]);
  });

  test("rtl: the English widget reads left to right on an Arabic page", { todo: TODO.rtl }, async () => {
    const { page, context, errors } = await openPage(browser, server.origin, "/pages/hosts/rtl.html");
    const quiz = new Quiz(page);
    await quiz.waitFor("intro");
    const root = quiz.host.locator(".lq-root");
    const { direction, lang } = await root.evaluate((el) => ({
      direction: getComputedStyle(el).direction,
      lang: el.closest("[lang]")?.getAttribute("lang") ?? null,
    }));
    assert.equal(direction, "ltr", "the widget's text direction");
    assert.equal(lang, content.language, "the widget's language (for screen readers and hyphenation)");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("many: twenty widgets, two completed, the other eighteen untouched", async () => {
    const { page, context, errors } = await openPage(browser, server.origin, "/pages/hosts/many.html");
    await page.evaluate(() => {
      window.__events = [];
      for (const name of ["ready", "start", "answer", "complete"]) {
        document.addEventListener(`levels-quiz:${name}`, (e) => window.__events.push(`${e.target.id} ${name}`));
      }
    });
    await allReady(page);
    const all = page.locator("levels-quiz");
    assert.equal(await all.count(), 20);
    const chosen = [2, 16];
    // Interleave the two runs, so a shared state would show.
    const quizzes = chosen.map((i) => new Quiz(page, all.nth(i)));
    for (const quiz of quizzes) await quiz.start();
    for (const id of STUCK_VP.slice(0, 2)) for (const quiz of quizzes) await quiz.answer(id);
    for (const quiz of quizzes) await completeFast(quiz.host, STUCK_VP);
    for (const quiz of quizzes) {
      await quiz.waitFor("result");
      assert.equal(await quiz.screen().getAttribute("data-verdict"), "incomplete-promotion");
    }
    for (let i = 0; i < 20; i++) {
      if (chosen.includes(i)) continue;
      const screens = await all.nth(i).evaluate((el) => [...el.shadowRoot.querySelectorAll("[data-screen]")].map((s) => s.dataset.screen));
      assert.deepEqual(screens, ["intro"], `widget ${i + 1}`);
      assert.equal(await all.nth(i).locator("input:checked").count(), 0);
    }
    const events = await page.evaluate(() => window.__events.filter((e) => !e.endsWith(" ready")));
    const from = new Set(events.map((e) => e.split(" ")[0]));
    assert.deepEqual([...from].sort(), ["quiz-17", "quiz-3"]);
    assert.equal(events.filter((e) => e.endsWith(" complete")).length, 2);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("spa: the element is added, removed, re-added, kept alive, churned and moved", async () => {
    const { page, context, errors } = await openPage(browser, server.origin, "/pages/hosts/spa.html#/home");
    await page.evaluate(() => {
      window.__mounts = 0;
      document.addEventListener("levels-quiz:ready", () => window.__mounts++);
    });
    const go = async (link) => {
      await page.locator(`#to-${link}`).click();
      await page.waitForFunction((h) => location.hash === h, `#/${link}`);
    };
    const current = () => new Quiz(page, page.locator("#view levels-quiz"));
    const freed = (name) =>
      page.waitForFunction((name) => window[name].shadowRoot.childElementCount === 0 && !window[name].hasAttribute("data-lq-state"), name);
    assert.equal(await page.locator("levels-quiz").count(), 0);

    // Added by the router: it starts at the intro.
    await go("quiz");
    let quiz = current();
    await quiz.start();
    await quiz.answer(STUCK_VP[0]);
    await page.evaluate(() => (window.__first = document.querySelector("#view levels-quiz")));

    // Removed by navigation: freed. Back again: a new element, which resumes the saved
    // progress (persist is on by default) and completes.
    await go("home");
    await freed("__first");
    await page.goBack();
    quiz = current();
    await quiz.waitFor("question");
    assert.equal(await quiz.progress().textContent(), `Question 2 of ${STUCK_VP.length}`);
    assert.equal(await page.evaluate(() => document.querySelector("#view levels-quiz") !== window.__first), true);
    await completeFast(quiz.host, STUCK_VP);

    // The same element kept in memory and re-inserted mounts again, resuming too.
    await go("kept");
    quiz = current();
    await quiz.waitFor("result");
    await quiz.host.locator(".lq-end button").click();
    await quiz.start();
    await quiz.answer(STUCK_VP[0]);
    await page.evaluate(() => (window.__kept = document.querySelector("#view levels-quiz")));
    await go("home");
    await freed("__kept");
    await go("kept");
    quiz = current();
    await quiz.waitFor("question");
    assert.equal(await page.evaluate(() => document.querySelector("#view levels-quiz") === window.__kept), true);
    assert.equal(await quiz.progress().textContent(), `Question 2 of ${STUCK_VP.length}`);

    // Churn: thirty route changes without waiting, most before a widget could start.
    await page.evaluate(async () => {
      for (let i = 0; i < 30; i++) {
        location.hash = ["#/kept", "#/quiz", "#/home"][i % 3];
        await new Promise((ok) => setTimeout(ok, i % 2 ? 0 : 5));
      }
      location.hash = "#/quiz";
    });
    quiz = current();
    await quiz.waitFor("question");
    assert.equal(await page.locator("levels-quiz").count(), 1);
    assert.equal(await quiz.progress().textContent(), `Question 2 of ${STUCK_VP.length}`);

    // Moved to another container mid-quiz: not mounted again, and it keeps its place.
    const mounts = await page.evaluate(() => window.__mounts);
    await page.evaluate(() => document.querySelector("#sidebar").append(document.querySelector("#view levels-quiz")));
    quiz = new Quiz(page, page.locator("#sidebar levels-quiz"));
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => window.__mounts), mounts);
    assert.equal(await quiz.progress().textContent(), `Question 2 of ${STUCK_VP.length}`);
    for (const id of STUCK_VP.slice(1)) await quiz.answer(id);
    await quiz.waitFor("result");
    assert.equal(await quiz.screen().getAttribute("data-verdict"), "incomplete-promotion");
    assert.deepEqual(errors, []);
    await context.close();
  });
});

// ---- hostile input -------------------------------------------------------------------

// Each payload sets window.__pwned if it ever runs as script. (A javascript: URL must
// not evaluate to a string, or the browser replaces the document with it and the
// mark is lost with the old window: hence void.)
const PAYLOADS = [
  `<img src=x onerror="window.__pwned='img'">`,
  `<script>window.__pwned='script'<\/script>`,
  `"><svg onload="window.__pwned='svg'">`,
  `<iframe src="javascript:parent.__pwned='iframe'"></iframe>`,
  `javascript:void(window.__pwned='href')//`,
  `{{constructor.constructor('window.__pwned="tpl"')()}}`,
  `\${window.__pwned='literal'}`,
  `</style><style>*{display:none}</style>`,
];
const JS_URL = `javascript:void(window.__pwned='cta')//`;

/** Puts a new <levels-quiz> with `json` as its content (from a URL or inline) into #more. */
async function mountWithContent(page, source, json) {
  let path = null;
  if (source === "url") {
    path = `/pages/hosts/generated-${Math.random().toString(36).slice(2)}.json`;
    await page.route(`**${path}`, (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(json) }));
  }
  const id = await page.evaluate(
    ({ path, text }) => {
      const el = document.createElement("levels-quiz");
      el.id = `content-${document.querySelectorAll("levels-quiz").length}`;
      if (path) el.setAttribute("content", path);
      else {
        const script = document.createElement("script");
        script.type = "application/json";
        script.textContent = text;
        el.append(script);
      }
      document.querySelector("#more").append(el);
      return el.id;
    },
    { path, text: JSON.stringify(json) },
  );
  return new Quiz(page, page.locator(`#${id}`));
}

describe("hostile input", () => {
  test("payloads in attributes and fallback text render as text and never run", async () => {
    const { page, context, errors } = await openPage(browser, server.origin, "/pages/hosts/injection.html");
    // The same payloads again, set by script on new elements, before and after mounting.
    await page.evaluate((payloads) => {
      const more = document.querySelector("#more");
      payloads.forEach((payload, i) => {
        const el = document.createElement("levels-quiz");
        el.id = `dynamic-${i}`;
        for (const name of ["cta-label", "lang", "theme", "mode", "lead", "content-id", "title"]) el.setAttribute(name, payload);
        const fallback = document.createElement("p");
        fallback.textContent = payload;
        el.append(fallback);
        more.append(el);
      });
    }, PAYLOADS);
    await allReady(page);
    await page.evaluate((payloads) => {
      document.querySelectorAll("levels-quiz").forEach((el, i) => {
        const payload = payloads[i % payloads.length];
        for (const name of ["cta-label", "theme", "mode", "lead", "persist", "share", "content-id"]) el.setAttribute(name, payload);
      });
    }, PAYLOADS);
    await allReady(page);
    const all = page.locator("levels-quiz");
    const count = await all.count();
    assert.equal(count, PAYLOADS.length + 1);
    // One completes; its call to action wears the cta-label payload, as text.
    const quiz = new Quiz(page, all.first());
    await completeFast(quiz.host, STUCK_VP);
    const label = await quiz.host.evaluate((el) => el.getAttribute("cta-label"));
    assert.equal((await quiz.host.locator(".lq-cta-button").textContent()).trim(), label.trim());
    await page.waitForTimeout(200);
    for (let i = 0; i < count; i++) {
      await new Quiz(page, all.nth(i)).screen().waitFor();
      assert.deepEqual(await injectedElements(all.nth(i)), NO_INJECTED, `element ${i}`);
    }
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    // The escaped fallback stayed text in the light DOM too.
    assert.equal(await page.locator("#static img, #static script").count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const source of ["url", "inline"]) {
    test(`payloads in every text of the content (${source}) render as text and never run`, async () => {
      const { page, context, errors } = await openPage(browser, server.origin, "/pages/hosts/injection.html");
      const marked = withPayloads(content);
      const quiz = await mountWithContent(page, source, marked);
      await quiz.waitFor("intro");
      assert.equal(await quiz.host.locator(".lq-title").textContent(), marked.intro.title, "the custom content is shown, as text");
      assert.deepEqual(await injectedElements(quiz.host), NO_INJECTED);
      await quiz.start();
      assert.equal(await quiz.host.locator(".lq-prompt").textContent().then((t) => t.trim()), marked.questions[0].prompt);
      await quiz.host.locator("button[type=submit]").click();
      await quiz.host.locator("[role=alert]").waitFor();
      await completeFast(quiz.host, STUCK_VP);
      await quiz.host.locator("details.lq-term summary").first().click();
      const text = await quiz.host.evaluate((el) => el.shadowRoot.textContent);
      for (const payload of PAYLOADS) assert.ok(text.includes(payload), `shown as text: ${payload}`);
      assert.deepEqual(await injectedElements(quiz.host), NO_INJECTED);
      await page.waitForTimeout(200);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test("broken content whose problems quote payloads shows them as text", async () => {
    const { page, context, errors } = await openPage(browser, server.origin, "/pages/hosts/injection.html");
    const broken = structuredClone(content);
    broken.id = PAYLOADS[0];
    broken.questions[0].id = PAYLOADS[2];
    broken.terms[0].id = PAYLOADS[3];
    broken[PAYLOADS[1]] = PAYLOADS[1];
    const quiz = await mountWithContent(page, "url", broken);
    await quiz.host.locator(".lq-error").waitFor();
    await quiz.host.locator(".lq-error summary").first().click().catch(() => {});
    assert.deepEqual(await injectedElements(quiz.host), NO_INJECTED);
    const text = await quiz.host.evaluate((el) => el.shadowRoot.textContent);
    assert.ok(text.includes(PAYLOADS[1]), "the unknown key is named, as text");
    // A content URL that is itself a payload fails to load, and says so as text.
    const odd = await page.evaluate((url) => {
      const el = document.createElement("levels-quiz");
      el.id = "odd-url";
      el.setAttribute("content", url);
      document.querySelector("#more").append(el);
      return el.id;
    }, PAYLOADS[4]);
    const oddHost = page.locator(`#${odd}`);
    await oddHost.locator(".lq-error").waitFor();
    assert.deepEqual(await injectedElements(oddHost), NO_INJECTED);
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    // The widget reports broken content on the console, by design, and Chromium logs
    // the refused fetch of the javascript: URL; nothing else.
    assert.deepEqual(
      errors.filter((e) => !e.startsWith("console: <levels-quiz>:") && !e.startsWith("console: Fetch API cannot load javascript:")),
      [],
    );
    await context.close();
  });

  test("a javascript: URL for the call to action never becomes a live link", { todo: TODO.jsHref }, async () => {
    const { page, context, errors } = await openPage(browser, server.origin, "/pages/hosts/injection.html");
    const scripted = structuredClone(content);
    scripted.cta.href = JS_URL;
    const fromContent = await mountWithContent(page, "inline", scripted);
    const fromAttribute = await mountWithContent(page, "inline", content);
    await fromAttribute.host.evaluate((el, url) => el.setAttribute("cta-href", url), JS_URL);
    const hrefs = [];
    for (const quiz of [fromContent, fromAttribute]) {
      await quiz.screen().waitFor();
      // Either the content is refused (an error panel), or its link is not javascript:.
      if ((await quiz.screenName()) !== "intro") continue;
      await completeFast(quiz.host, STUCK_VP);
      const link = quiz.host.locator(".lq-cta-button");
      hrefs.push(await link.getAttribute("href"));
      await link.click();
      await page.waitForTimeout(200);
    }
    assert.equal(await page.evaluate(() => window.__pwned), undefined, `script ran from ${hrefs.join(", ")}`);
    assert.deepEqual(hrefs.filter((h) => /^\s*javascript:/i.test(h ?? "")), []);
    assert.deepEqual(errors.filter((e) => !e.startsWith("console: <levels-quiz>:")), []);
    await context.close();
  });
});

/** A copy of `source` with a payload appended to every text a visitor reads. */
function withPayloads(source) {
  const c = structuredClone(source);
  let i = 0;
  const mark = (text) => `${text} ${PAYLOADS[i++ % PAYLOADS.length]}`;
  const markKeys = (obj, keys) => keys.forEach((k) => typeof obj[k] === "string" && (obj[k] = mark(obj[k])));
  Object.values(c.levels).forEach((level) => markKeys(level, ["name"]));
  markKeys(c.intro, ["title", "body", "duration", "privacy", "start"]);
  c.intro.points = c.intro.points.map(mark);
  for (const q of c.questions) {
    markKeys(q, ["prompt", "hint"]);
    q.options.forEach((o) => markKeys(o, ["label"]));
  }
  c.causes.forEach((x) => markKeys(x, ["name", "summary"]));
  c.verdicts.forEach((x) => markKeys(x, ["headline", "body"]));
  c.terms.forEach((x) => markKeys(x, ["name", "definition"]));
  c.patterns.forEach((x) => markKeys(x, ["text"]));
  c.next_steps.forEach((x) => markKeys(x, ["title", "body"]));
  markKeys(c.cta, ["heading", "body", "label"]);
  markKeys(c.ui, Object.keys(c.ui));
  return c;
}
