// Shared end-to-end support: a static server for dist/ and the test pages, Debian's
// Chromium driven by playwright-core, and a small page object for the quiz.
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = fileURLToPath(new URL(".", import.meta.url));
export const repo = resolve(here, "../..");

/** A VP whose days go to coordination: the suites' standard run, one option id per question. */
export const STUCK_VP =
  "role-vp,tenure-settling,team-org,hours-fires-team,measured-unclear,talk-team,stall-coordinate,away-calls,budget-missing,delegate-assign,hear-problems,meetings-ops,decisions-escalated,old-hired-back,role-talk-never".split(",");
export const artifacts = join(here, "artifacts");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
};

// URL prefix -> folder. Everything else is a 404.
const ROOTS = [
  ["/dist/", join(repo, "dist")],
  ["/pages/", join(here, "pages")],
  ["/node_modules/", join(repo, "node_modules")],
];

/** Serves dist/ and the test pages on a free localhost port. */
export async function startServer() {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const root = ROOTS.find(([prefix]) => path.startsWith(prefix));
    if (!root) {
      res.writeHead(404).end("not found");
      return;
    }
    const file = normalize(join(root[1], path.slice(root[0].length)));
    if (!file.startsWith(root[1])) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      const headers = { "content-type": TYPES[extname(file)] ?? "application/octet-stream" };
      // A page may ask for its own CSP through a sidecar header file: name.html -> name.csp
      if (extname(file) === ".html") {
        try {
          headers["content-security-policy"] = (await readFile(file.replace(/\.html$/, ".csp"), "utf8")).trim();
        } catch {}
      }
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Launches Debian's Chromium quietly (no browser download, closed network). */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A page object for one <levels-quiz> element on a page. */
export class Quiz {
  constructor(page, host = page.locator("levels-quiz").first()) {
    this.page = page;
    this.host = host;
  }
  screen() {
    return this.host.locator("[data-screen]").first();
  }
  async waitFor(name) {
    await this.host.locator(`[data-screen="${name}"]`).first().waitFor();
  }
  async screenName() {
    return this.screen().getAttribute("data-screen");
  }
  progress() {
    return this.host.locator(".lq-progress-label");
  }
  options() {
    return this.host.locator(".lq-option");
  }
  async start() {
    await this.host.locator("[data-screen=intro] .lq-start-row button").click();
    await this.waitFor("question");
  }
  /** Answers the current question with the option whose id is `optionId`, then Next. */
  async answer(optionId) {
    await this.host.locator(`input[value="${optionId}"]`).locator("..").click();
    await this.host.locator("button[type=submit]").click();
  }
  /** Starts and answers every question by mouse, ending on the result. */
  async completeWith(optionIds) {
    await this.start();
    for (const id of optionIds) {
      await this.answer(id);
    }
    await this.waitFor("result");
  }
}

export async function screenshot(page, name) {
  await mkdir(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

/**
 * Reads `read()` until it matches `pattern` or `ms` pass, and returns the last value
 * (assert on it). For what settles a task after the DOM changes: focus moves to a new
 * screen's heading in an effect, which Yew's scheduler may run a task later when it
 * yields under load.
 */
export async function eventually(read, pattern, ms = 2000) {
  let value = await read();
  for (const deadline = Date.now() + ms; !pattern.test(value) && Date.now() < deadline; ) {
    await new Promise((ok) => setTimeout(ok, 20));
    value = await read();
  }
  return value;
}
