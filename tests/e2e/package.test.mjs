// The npm package and integrity: the tarball `make package` builds installs into an
// empty folder, and served from another origin with CORS, as a CDN serves it, runs the
// quiz from the snippet `make dist` writes. A file the "CDN" changed is refused (the
// element keeps its fallback and fires levels-quiz:error with code "integrity"); the
// untouched bundle runs. The README shows the snippets make dist writes.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { launch, Quiz, repo, STUCK_VP } from "./support.mjs";

const TYPES = { ".js": "text/javascript", ".wasm": "application/wasm", ".bin": "application/octet-stream", ".html": "text/html" };

let browser;
let folder;
let installed;
let cdn;
let site;

/** A static server for `root`, with CORS on every response, as a CDN serves. `tamper`
 * may change a file's bytes on the way out. */
async function serve(root, { cors = false, tamper = () => null } = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = normalize(join(root, path));
    const headers = cors ? { "access-control-allow-origin": "*" } : {};
    if (!file.startsWith(root)) return res.writeHead(403, headers).end();
    try {
      let body = await readFile(file);
      body = tamper(path, body) ?? body;
      res.writeHead(200, { ...headers, "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404, headers).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { server, port: server.address().port };
}

/** The page a marketer builds: the snippet make dist wrote, pointed at `origin`. */
async function hostPage(origin) {
  const snippet = await readFile(join(installed, "snippet.html"), "utf8");
  const pinned = snippet.replaceAll(/https:\/\/cdn\.jsdelivr\.net\/npm\/levels-quiz@[^/]+/g, origin);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>host</title>${pinned.split("<levels-quiz>")[0]}</head>
<body><h1>A coach's page</h1><levels-quiz><p class="fallback">Book a call instead.</p></levels-quiz></body></html>`;
}

before(async () => {
  browser = await launch();
  folder = await mkdtemp(join(tmpdir(), "levels-quiz-package-"));
  // make package's own steps, on the dist/ this run tests.
  const packed = JSON.parse(execFileSync("npm", ["pack", join(repo, "dist"), "--pack-destination", folder, "--json"], { encoding: "utf8" }));
  const tarball = join(folder, packed[0].filename);
  await writeFile(join(folder, "package.json"), '{ "name": "a-marketers-site", "private": true }\n');
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", tarball], { cwd: folder, stdio: "ignore" });
  installed = join(folder, "node_modules", "levels-quiz");
});

after(async () => {
  await browser?.close();
  cdn?.server.close();
  site?.server.close();
  await rm(folder, { recursive: true, force: true });
});

describe("the npm package", () => {
  test("carries Cargo.toml's version, every file of the bundle, a README and the license", async () => {
    const manifest = JSON.parse(await readFile(join(installed, "package.json"), "utf8"));
    const cargo = await readFile(join(repo, "Cargo.toml"), "utf8");
    const version = cargo.split(/^\[package\]$/m)[1].match(/^version = "([^"]+)"$/m)[1];
    assert.equal(manifest.name, "levels-quiz");
    assert.equal(manifest.version, version);
    assert.equal(manifest.license, "MIT");
    for (const file of ["levels-quiz.js", "levels-quiz_bg.wasm", "levels-quiz-result.wasm", "levels-quiz.en.bin", "levels-quiz.en.result.bin", "levels-quiz-check.js", "levels-quiz-check_bg.wasm", "snippet.html", "README.md", "LICENSE"]) {
      assert.ok(await readFile(join(installed, file)), file);
    }
    const snippet = await readFile(join(installed, "snippet.html"), "utf8");
    assert.match(snippet, new RegExp(`cdn\\.jsdelivr\\.net/npm/levels-quiz@${version.replaceAll(".", "\\.")}/levels-quiz\\.js" integrity="sha384-[A-Za-z0-9+/=]{64}" crossorigin="anonymous"`));
  });

  test("installed and served from another origin with CORS, the pinned snippet runs the quiz", async () => {
    cdn = await serve(installed, { cors: true });
    const origin = `http://127.0.0.1:${cdn.port}`;
    const page = await hostPage(origin);
    site = await serve(folder);
    await writeFile(join(folder, "host.html"), page);
    const context = await browser.newContext();
    const tab = await context.newPage();
    const errors = [];
    tab.on("pageerror", (e) => errors.push(e.message));
    tab.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    // localhost is another origin than 127.0.0.1.
    await tab.goto(`http://localhost:${site.port}/host.html`);
    const quiz = new Quiz(tab);
    await quiz.completeWith(STUCK_VP);
    assert.equal(await quiz.screen().getAttribute("data-verdict"), "incomplete-promotion");
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe("integrity", () => {
  /** Opens the host page against a CDN that changes `file`; returns the page. */
  async function withChanged(file) {
    const changed = await serve(installed, {
      cors: true,
      tamper: (path, body) => {
        if (!path.endsWith(`/${file}`)) return null;
        const copy = Buffer.from(body);
        copy[copy.length - 1] ^= 1;
        return copy;
      },
    });
    await writeFile(join(folder, `host-${file}.html`), await hostPage(`http://127.0.0.1:${changed.port}`));
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.addInitScript(() => {
      window.__errors = [];
      document.addEventListener("levels-quiz:error", (e) => window.__errors.push(e.detail));
    });
    await tab.goto(`http://localhost:${site.port}/host-${file}.html`);
    return { tab, context, close: () => changed.server.close() };
  }

  for (const file of ["levels-quiz_bg.wasm", "levels-quiz.en.bin"]) {
    test(`a changed ${file} is refused: the fallback stays and levels-quiz:error says "integrity"`, async () => {
      const { tab, context, close } = await withChanged(file);
      await tab.waitForFunction(() => window.__errors.length > 0);
      const [error] = await tab.evaluate(() => window.__errors);
      assert.equal(error.code, "integrity");
      assert.match(error.message, new RegExp(file.replaceAll(".", "\\.")));
      const host = tab.locator("levels-quiz");
      assert.equal(await host.getAttribute("data-lq-state"), "failed");
      assert.ok(await host.locator(".fallback").isVisible());
      assert.equal(await host.locator("[data-screen]").count(), 0);
      await context.close();
      close();
    });
  }

  test("a changed result's code is refused, and the visitor is told their result could not load", async () => {
    const { tab, context, close } = await withChanged("levels-quiz-result.wasm");
    const quiz = new Quiz(tab);
    await quiz.start();
    for (const id of STUCK_VP) await quiz.answer(id);
    await quiz.waitFor("unavailable");
    await context.close();
    close();
  });
});

describe("the README", () => {
  test("shows the snippet make dist writes (its hashes aside)", async () => {
    const readme = await readFile(join(repo, "README.md"), "utf8");
    const snippet = await readFile(join(repo, "dist", "snippet.html"), "utf8");
    const shape = (text) => text.replaceAll(/(sha384|sha256)-[A-Za-z0-9+/=]+/g, "$1-…").replaceAll(/levels-quiz@[0-9.]+\//g, "levels-quiz@VERSION/");
    for (const line of shape(snippet).split("\n").filter((l) => /<(link|script)/.test(l))) {
      assert.ok(shape(readme).includes(line), `README lacks:\n${line}`);
    }
  });
});
