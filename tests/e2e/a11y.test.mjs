// Accessibility: axe-core (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA) on every screen in the
// light and dark themes, colour contrast included; the quiz by keyboard alone at 200%
// zoom with reduced motion; and no sideways scrolling down to 320 CSS pixels.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { PNG } from "pngjs";
import {
  completeFast,
  content,
  eventually,
  focused,
  horizontalOverflow,
  launch,
  openPage,
  Quiz,
  repo,
  settle,
  startServer,
  STUCK_VP,
} from "./hosts-support.mjs";

const AXE = join(repo, "node_modules/axe-core/axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

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
 * Runs axe on the whole document (it enters open shadow roots) once animations have
 * ended, and returns its violations as readable lines: rule, impact, and each node.
 */
async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.addScriptTag({ path: AXE });
  await settle(page);
  return page.evaluate(async (tags) => {
    const results = await window.axe.run(document, { runOnly: tags });
    return results.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes.map((n) => `      ${JSON.stringify(n.target)}: ${n.failureSummary.replace(/\s+/g, " ")}`).join("\n"),
    );
  }, TAGS);
}

/** Opens the plain page with `attributes` set on the element, on its intro. */
async function openWith(attributes, options = {}) {
  const opened = await openPage(browser, server.origin, "/pages/plain.html", options);
  await opened.page.evaluate((attributes) => {
    const el = document.querySelector("levels-quiz");
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  }, attributes);
  opened.quiz = new Quiz(opened.page);
  return opened;
}

/** Runs axe on each named state reached by `steps` and asserts none has a violation. */
async function assertNoViolations(page, errors, steps) {
  const found = [];
  for (const [name, reach] of steps) {
    await reach();
    for (const line of await axe(page)) found.push(`${name}: ${line}`);
  }
  assert.deepEqual(found, [], `axe found violations:\n${found.join("\n")}`);
  assert.deepEqual(errors, []);
}

// The third checks only that theme="auto" picks the dark palette's screens up; its
// colours are the dark theme's, which the other tests cover in full.
const THEMES = [
  ["light", {}, {}, true],
  ["dark", { theme: "dark" }, {}, true],
  ["auto, visitor prefers dark", { theme: "auto" }, { colorScheme: "dark" }, false],
];

for (const [theme, attributes, options, full] of THEMES) {
  describe(`axe, ${theme} theme`, () => {
    test("intro, question, and the answer-required alert", async () => {
      const { page, context, errors, quiz } = await openWith(attributes, options);
      await assertNoViolations(page, errors, [
        ["intro", () => quiz.waitFor("intro")],
        ["question", () => quiz.start()],
        [
          "question with alert",
          async () => {
            await quiz.host.locator("button[type=submit]").click();
            await quiz.host.locator("[role=alert]").waitFor();
          },
        ],
        ["question answered", () => quiz.host.locator(".lq-option").nth(1).click()],
      ]);
      await context.close();
    });

    test("result with every definition expanded, and the share fallback", async () => {
      const { page, context, errors, quiz } = await openWith(attributes, options);
      await assertNoViolations(page, errors, [
        [
          "result, definitions open",
          async () => {
            await quiz.waitFor("intro");
            await completeFast(quiz.host, STUCK_VP);
            for (const summary of await quiz.host.locator("details summary").all()) await summary.click();
            assert.equal(await quiz.host.locator("details:not([open])").count(), 0);
          },
        ],
        [
          "result, share link shown to copy by hand",
          async () => {
            // Without clipboard permission the copy fails and the link is shown instead.
            await quiz.host.locator(".lq-share").click();
            await quiz.host.locator(".lq-status").first().waitFor();
          },
        ],
      ]);
      await context.close();
    });

    if (!full) return;

    test("the profile chart's labels, whose contrast axe leaves undecided, meet 4.5:1", async (t) => {
      const { page, context, errors, quiz } = await openWith(attributes, options);
      await quiz.waitFor("intro");
      await completeFast(quiz.host, STUCK_VP);
      await quiz.host.locator("svg.lq-chart").evaluate((el) => el.scrollIntoView({ block: "center", behavior: "instant" }));
      await settle(page);
      const labels = await quiz.host.locator("svg.lq-chart text").evaluateAll((texts) =>
        texts.map((t) => {
          const r = t.getBoundingClientRect();
          return { text: t.textContent, fill: getComputedStyle(t).fill, box: { x: r.x, y: r.y, width: r.width, height: r.height } };
        }),
      );
      assert.ok(labels.length >= 6, `${labels.length} labels`);
      const low = [];
      let lowest = Infinity;
      for (const { text, fill, box } of labels) {
        const clip = { x: Math.floor(box.x), y: Math.floor(box.y), width: Math.ceil(box.width) + 1, height: Math.ceil(box.height) + 1 };
        const ratio = labelContrast(PNG.sync.read(await page.screenshot({ clip })), parseRgb(fill));
        lowest = Math.min(lowest, ratio);
        if (ratio < 4.5) low.push(`"${text}" (${fill}): ${ratio.toFixed(2)}:1`);
      }
      t.diagnostic(`lowest label contrast ${lowest.toFixed(2)}:1 over ${labels.length} labels`);
      assert.deepEqual(low, []);
      assert.deepEqual(errors, []);
      await context.close();
    });

    test("lead form: empty, with its errors, and the result after it", async () => {
      const { page, context, errors, quiz } = await openWith({ ...attributes, lead: "before-results" }, options);
      await assertNoViolations(page, errors, [
        [
          "lead form",
          async () => {
            await quiz.waitFor("intro");
            assert.equal(await completeFast(quiz.host, STUCK_VP), "lead");
          },
        ],
        [
          "lead form with errors",
          async () => {
            await quiz.host.locator(".lq-lead-form button[type=submit]").click();
            await quiz.host.locator(".lq-field-error").first().waitFor();
          },
        ],
        [
          "result after the lead was sent",
          async () => {
            await quiz.host.locator("#lq-lead-name").fill("Ada");
            await quiz.host.locator("#lq-lead-email").fill("ada@example.com");
            await quiz.host.locator("#lq-lead-consent").check();
            await quiz.host.locator(".lq-lead-form button[type=submit]").click();
            await quiz.waitFor("result");
          },
        ],
      ]);
      await context.close();
    });

    test("popup: the trigger, and the open dialog", async () => {
      const { page, context, errors, quiz } = await openWith({ ...attributes, mode: "popup" }, options);
      await assertNoViolations(page, errors, [
        ["trigger", () => quiz.host.locator(".lq-trigger").waitFor()],
        [
          "dialog open on the intro",
          async () => {
            await quiz.host.locator(".lq-trigger").click();
            await quiz.host.locator("dialog[open]").waitFor();
          },
        ],
        ["dialog open on a question", () => quiz.start()],
      ]);
      // Esc closes it and focus returns to the trigger.
      await page.keyboard.press("Escape");
      await quiz.host.locator("dialog[open]").waitFor({ state: "detached" });
      assert.match(await focused(page), /^BUTTON:.*lq-trigger/);
      await context.close();
    });
  });
}

test("axe sees inside the widget's shadow root (a planted unnamed button is caught)", async () => {
  const { page, context, quiz } = await openWith({});
  await quiz.waitFor("intro");
  await quiz.host.evaluate((el) => el.shadowRoot.querySelector(".lq-root").append(document.createElement("button")));
  const found = await axe(page);
  assert.equal(found.length, 1, found.join("\n"));
  assert.match(found[0], /^button-name/);
  await context.close();
});

/** "rgb(r, g, b)" as [r, g, b]. */
function parseRgb(text) {
  const match = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(text);
  assert.ok(match, `a colour: ${text}`);
  return match.slice(1, 4).map(Number);
}

/** WCAG 2 contrast ratio of two sRGB colours. */
function contrast(a, b) {
  const luminance = ([r, g, b]) => {
    const c = [r, g, b].map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The lowest contrast between a label's fill and any background it sits on: every
 * colour that covers at least a sixth of the label's box and is not the glyphs' own
 * (backgrounds are flat fills, so each is one exact colour; anti-aliasing is spread).
 */
function labelContrast(png, fill) {
  const counts = new Map();
  for (let i = 0; i < png.data.length; i += 4) {
    const key = `${png.data[i]},${png.data[i + 1]},${png.data[i + 2]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const pixels = png.data.length / 4;
  const backgrounds = [...counts]
    .filter(([, n]) => n >= pixels / 6)
    .map(([key]) => key.split(",").map(Number))
    .filter((c) => Math.max(...c.map((v, i) => Math.abs(v - fill[i]))) > 8);
  assert.ok(backgrounds.length > 0, "a background behind the label");
  return Math.min(...backgrounds.map((b) => contrast(fill, b)));
}

describe("keyboard and zoom", () => {
  test("the quiz completes with the keyboard alone at 200% zoom (640px), reduced motion", async () => {
    // 200% zoom of a 1280x900 window: 640x450 CSS pixels.
    const { page, context, errors } = await openPage(browser, server.origin, "/pages/plain.html", {
      viewport: { width: 640, height: 450 },
      reducedMotion: "reduce",
    });
    const quiz = new Quiz(page);
    await quiz.waitFor("intro");
    const problems = [];
    // After each key: no sideways scrolling, and the focused element is in view.
    const check = async (where) => {
      const overflow = await horizontalOverflow(page);
      if (overflow > 0) problems.push(`${where}: the page scrolls sideways by ${overflow}px`);
      const hidden = await page.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        if (!el || el === document.body) return null;
        const r = el.getBoundingClientRect();
        const inView = r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
        return inView ? null : `${el.tagName}.${el.className} at ${Math.round(r.left)},${Math.round(r.top)}`;
      });
      if (hidden) problems.push(`${where}: the focused ${hidden} is out of view`);
    };
    const press = async (key, where) => {
      await page.keyboard.press(key);
      await check(where);
    };

    for (let i = 0; i < 15 && !/^BUTTON:lq-button lq-primary/.test(await focused(page)); i++) await press("Tab", "intro");
    assert.match(await focused(page), /^BUTTON:lq-button lq-primary/, "Tab reaches the start button");
    await press("Enter", "start");
    const total = content.questions.length;
    for (let n = 1; n <= total; n++) {
      await quiz.progress().filter({ hasText: new RegExp(`^Question ${n} of`) }).waitFor();
      assert.match(await eventually(() => focused(page), /^H2:lq-prompt/), /^H2:lq-prompt/, `question ${n} starts at its prompt`);
      await press("Tab", `question ${n}`);
      assert.match(await focused(page), /^INPUT:/);
      await press("End", `question ${n}`);
      await press("Home", `question ${n}`);
      await press("ArrowDown", `question ${n}`);
      assert.equal(await quiz.host.locator("input:checked").count(), 1, `question ${n} has an answer`);
      await press("Enter", `question ${n}`);
    }
    await quiz.waitFor("result");
    assert.match(await eventually(() => focused(page), /^H2:/), /^H2:/, "the result starts at its headline");
    // Tab through the result, opening every definition with Enter, up to Start over.
    for (let i = 0; i < 60; i++) {
      await press("Tab", "result");
      const now = await focused(page);
      if (now.startsWith("SUMMARY:")) await press("Enter", "result");
      if (/^BUTTON:.*lq-secondary/.test(now) && (await page.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el.closest(".lq-end") !== null;
      }))) break;
    }
    assert.equal(await quiz.host.locator("details.lq-term:not([open])").count(), 0, "every definition opened by keyboard");
    await press("Enter", "start over");
    await quiz.waitFor("intro");
    assert.deepEqual(problems, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("nothing scrolls sideways at 320 CSS px (400% zoom), on any screen", async () => {
    const { page, context, errors } = await openPage(browser, server.origin, "/pages/plain.html", {
      viewport: { width: 320, height: 640 },
    });
    const quiz = new Quiz(page);
    const overflow = {};
    await quiz.waitFor("intro");
    overflow.intro = await horizontalOverflow(page);
    await quiz.start();
    await quiz.host.locator("button[type=submit]").click();
    await quiz.host.locator("[role=alert]").waitFor();
    overflow.question = await horizontalOverflow(page);
    await completeFast(quiz.host, STUCK_VP);
    for (const summary of await quiz.host.locator("details summary").all()) await summary.click();
    overflow.result = await horizontalOverflow(page);
    assert.deepEqual(overflow, { intro: 0, question: 0, result: 0 });
    assert.deepEqual(errors, []);
    await context.close();
  });
});
