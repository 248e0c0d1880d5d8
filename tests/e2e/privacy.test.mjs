// Privacy: during a full run the widget requests nothing but the page's own files
// (the page, levels-quiz.js, levels-quiz_bg.wasm, levels-quiz-result.wasm once a
// question is on screen, and a language file of the bundle when the visitor switches
// language), sets no cookie, and hands a lead's name and
// email to no one unless the page asked for it (`lead-action`).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { completeFast, launch, openPage, Quiz, startServer, STUCK_VP } from "./hosts-support.mjs";

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

/**
 * Opens `path` with every request of the context (pages, workers, beacons, sockets)
 * recorded from the very first one, as "METHOD url".
 */
async function openRecorded(path, options) {
  const opened = await openPage(browser, server.origin, null, options);
  const requests = [];
  opened.context.on("request", (r) => requests.push(`${r.method()} ${r.url()}`));
  opened.page.on("websocket", (ws) => requests.push(`WEBSOCKET ${ws.url()}`));
  await opened.page.goto(server.origin + path);
  return { ...opened, requests };
}

/** Cookies the browser holds for any site, and those the page can read. */
async function cookies(page, context) {
  return { jar: await context.cookies(), document: await page.evaluate(() => document.cookie) };
}
const NO_COOKIES = { jar: [], document: "" };

/**
 * Not the result's code (levels-quiz-result.wasm) or the language's result texts
 * (levels-quiz.<lang>.result.bin), which every run fetches once a question shows.
 */
const notResult = (r) => !/\/dist\/levels-quiz(-result\.wasm|\.[A-Za-z-]+\.result\.bin)$/.test(r);

describe("a full run", () => {
  test("requests only the page's own files, and sets no cookie", async (t) => {
    const { page, context, errors, requests } = await openRecorded("/pages/plain.html");
    const quiz = new Quiz(page);
    await quiz.waitFor("intro");
    const own = [
      `GET ${server.origin}/pages/plain.html`,
      `GET ${server.origin}/dist/levels-quiz.js`,
      `GET ${server.origin}/dist/levels-quiz_bg.wasm`,
      `GET ${server.origin}/dist/levels-quiz.en.bin`,
    ];
    assert.deepEqual(requests.filter((r) => !r.startsWith("GET data:")).sort(), [...own].sort());
    const loaded = requests.length;
    assert.deepEqual(await cookies(page, context), NO_COOKIES, "on the intro");

    // Every screen and control a visitor meets, except the call to action (which
    // leaves for the coach's page by design) and printing.
    await quiz.start();
    await quiz.host.locator("button[type=submit]").click();
    await quiz.host.locator("[role=alert]").waitFor();
    for (const id of STUCK_VP.slice(0, 3)) await quiz.answer(id);
    await quiz.host.locator(".lq-nav .lq-secondary").click();
    assert.deepEqual(await cookies(page, context), NO_COOKIES, "mid-quiz");
    await completeFast(quiz.host, STUCK_VP);
    for (const summary of await quiz.host.locator("details summary").all()) await summary.click();
    await quiz.host.locator(".lq-share").click();
    await quiz.host.locator(".lq-status").first().waitFor();
    assert.deepEqual(await cookies(page, context), NO_COOKIES, "on the result");
    // A reload resumes from saved progress, and asks for the same files again.
    await page.reload();
    await quiz.waitFor("result");
    await quiz.host.locator(".lq-end button").click();
    await quiz.waitFor("intro");
    await page.waitForTimeout(300);

    // The result's code came after the first question (and again after the reload).
    const code = `GET ${server.origin}/dist/levels-quiz-result.wasm`;
    const texts = `GET ${server.origin}/dist/levels-quiz.en.result.bin`;
    const after = requests.slice(loaded);
    assert.deepEqual(
      after.filter((r) => !own.includes(r) && r !== code && r !== texts && !r.startsWith("GET data:")),
      [],
      "requests after the bundle loaded",
    );
    assert.deepEqual(after.filter((r) => own.includes(r)).sort(), [...own].sort(), "only the reload's");
    assert.deepEqual(after.filter((r) => r === code), [code, code], "the result's code, once per page load");
    assert.deepEqual(after.filter((r) => r === texts), [texts, texts], "the result's texts, once per page load");
    assert.deepEqual(await cookies(page, context), NO_COOKIES, "after starting over");
    assert.deepEqual(context.serviceWorkers(), []);
    // What it keeps instead: saved progress in localStorage under its own key only.
    const storage = await page.evaluate(() => ({ local: Object.keys(localStorage), session: Object.keys(sessionStorage) }));
    t.diagnostic(`storage keys: ${JSON.stringify(storage)}`);
    assert.ok(storage.local.every((k) => k.startsWith("levels-quiz:")), JSON.stringify(storage));
    assert.deepEqual(storage.session, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("switching language fetches only the bundle's own language file", async () => {
    const { page, context, errors, requests } = await openRecorded("/pages/plain.html");
    const quiz = new Quiz(page);
    await quiz.waitFor("intro");
    const languages = quiz.host.locator(".lq-lang");
    if ((await languages.count()) < 2) {
      await context.close();
      return; // A bundle with one language has no switch.
    }
    const loaded = requests.length;
    await languages.nth(1).click();
    await quiz.waitFor("intro");
    await page.waitForFunction(() => document.querySelector("levels-quiz").shadowRoot.querySelector(".lq-root")?.lang !== "en");
    await completeFast(quiz.host, STUCK_VP);
    const after = requests.slice(loaded);
    assert.ok(
      after.every((r) => new RegExp(`^GET ${server.origin}/dist/levels-quiz(\\.[A-Za-z-]+(\\.result)?\\.bin|-result\\.wasm)$`).test(r)),
      `requests after the bundle loaded: ${after.join(", ")}`,
    );
    assert.ok(after.filter((r) => r.endsWith("-result.wasm")).length <= 1, `the result's code at most once: ${after.join(", ")}`);
    assert.equal(after.filter((r) => r.endsWith(".result.bin")).length, 1, `the language's result texts once: ${after.join(", ")}`);
    assert.deepEqual(await cookies(page, context), NO_COOKIES);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("twenty widgets on a page fetch the wasm and the quiz once, and the result's code and texts once", async () => {
    const { page, context, errors, requests } = await openRecorded("/pages/hosts/many.html");
    await page.waitForFunction(() => [...document.querySelectorAll("levels-quiz")].every((el) => el.dataset.lqState === "ready"));
    // Two started together (both ask for the result's code), then both finished.
    const [a, b] = [5, 6].map((n) => new Quiz(page, page.locator("levels-quiz").nth(n)));
    await a.start();
    await b.start();
    await completeFast(a.host, STUCK_VP);
    await completeFast(b.host, STUCK_VP);
    assert.deepEqual(
      requests.filter((r) => !r.startsWith("GET data:")).sort(),
      [
        `GET ${server.origin}/dist/levels-quiz-result.wasm`,
        `GET ${server.origin}/dist/levels-quiz.en.bin`,
        `GET ${server.origin}/dist/levels-quiz.en.result.bin`,
        `GET ${server.origin}/dist/levels-quiz.js`,
        `GET ${server.origin}/dist/levels-quiz_bg.wasm`,
        `GET ${server.origin}/pages/hosts/common.css`,
        `GET ${server.origin}/pages/hosts/many.html`,
        `GET ${server.origin}/pages/hosts/plain-host.css`,
      ],
    );
    assert.deepEqual(await cookies(page, context), NO_COOKIES);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe("a lead", () => {
  test("without lead-action, the form sends nothing and analytics never see name or email", async () => {
    const { page, context, errors, requests } = await openRecorded("/pages/plain.html");
    await page.evaluate(() => {
      window.dataLayer = [];
      const el = document.querySelector("levels-quiz");
      el.setAttribute("lead", "before-results");
      el.setAttribute("analytics", "on");
    });
    const quiz = new Quiz(page);
    await quiz.waitFor("intro");
    const loaded = requests.length;
    assert.equal(await completeFast(quiz.host, STUCK_VP), "lead");
    await quiz.host.locator("#lq-lead-name").fill("Ada Secret");
    await quiz.host.locator("#lq-lead-email").fill("ada.secret@example.com");
    await quiz.host.locator("#lq-lead-consent").check();
    await quiz.host.locator(".lq-lead-form button[type=submit]").click();
    await quiz.waitFor("result");
    await page.waitForTimeout(300);
    assert.deepEqual(requests.slice(loaded).filter(notResult), []);
    const layer = JSON.stringify(await page.evaluate(() => window.dataLayer));
    assert.ok(layer.includes("levels_quiz_lead"), "the lead is counted");
    assert.ok(!/Ada|Secret|example\.com/.test(layer), `dataLayer: ${layer}`);
    assert.deepEqual(await cookies(page, context), NO_COOKIES);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("with lead-action, exactly one POST goes there, and only once the visitor sends the form", async () => {
    const { page, context, errors, requests } = await openRecorded("/pages/plain.html");
    const posts = [];
    await context.route("**/lead-endpoint", async (route) => {
      posts.push({ headers: await route.request().allHeaders(), body: route.request().postData() ?? "" });
      await route.fulfill({ status: 200, headers: { "access-control-allow-origin": "*" }, body: "ok" });
    });
    await page.evaluate((origin) => {
      const el = document.querySelector("levels-quiz");
      el.setAttribute("lead", "after-results");
      el.setAttribute("lead-action", `${origin.replace("127.0.0.1", "localhost")}/lead-endpoint`);
    }, server.origin);
    const quiz = new Quiz(page);
    await quiz.waitFor("intro");
    const loaded = requests.length;
    await completeFast(quiz.host, STUCK_VP);
    await quiz.host.locator(".lq-lead-open").click();
    assert.deepEqual(requests.slice(loaded).filter(notResult), [], "nothing before the form is sent");
    await quiz.waitFor("lead");
    await quiz.host.locator("#lq-lead-name").fill("Ada");
    await quiz.host.locator("#lq-lead-email").fill("ada@example.com");
    await quiz.host.locator("#lq-lead-consent").check();
    await quiz.host.locator(".lq-lead-form button[type=submit]").click();
    await quiz.host.locator(".lq-status.lq-ok").waitFor();
    const after = requests.slice(loaded).filter((r) => !r.startsWith("OPTIONS ") && notResult(r));
    assert.deepEqual(after, [`POST ${server.origin.replace("127.0.0.1", "localhost")}/lead-endpoint`]);
    assert.equal(posts.length, 1);
    assert.equal(posts[0].headers.cookie, undefined);
    assert.match(posts[0].body, /ada@example\.com/);
    assert.deepEqual(await cookies(page, context), NO_COOKIES);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
