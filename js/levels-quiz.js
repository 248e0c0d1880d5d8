// <levels-quiz>: the custom element that hosts the widget.
//
// wasm-bindgen cannot define custom elements, so this small module does: it gives
// each element an open shadow root, loads the WebAssembly once per page (relative to
// this script's own URL, so the bundle works from any folder or CDN and ignores a
// page's <base href>), finds the element's content, and calls the exported Rust
// `mount`. Until the widget starts, and for good if it cannot, whatever the host page
// put inside the element stays visible through a <slot>.
//
// The build (scripts/build-bundle.sh) appends this file to wasm-bindgen's glue, which
// defines `__wbg_init` and `mount`, and to `LANGUAGES` and `INTEGRITY`
// (scripts/languages.mjs): the languages the bundle carries, the fallback first, and
// the SHA-256 of every file this script fetches. The result is the one module
// `levels-quiz.js`.
/* global __wbg_init, mount, LANGUAGES, INTEGRITY, Services */

const TAG = "levels-quiz";
// Attributes whose change needs new content: the widget is mounted afresh.
const CONTENT_ATTRIBUTES = ["content", "lang"];
// Attributes the running widget re-reads: exactly those `Config::from_attributes`
// (src/config.rs) reads, which tests/invariants.rs checks.
const LIVE_ATTRIBUTES = [
  "cta-href",
  "cta-label",
  "theme",
  "mode",
  "intro",
  "persist",
  "share",
  "lead",
  "lead-action",
  "analytics",
  "id",
];

// Shown while the wasm loads: reserves room so the page does not jump when the
// quiz appears, and keeps the host's fallback content visible. Opening on question 1
// (intro="off"), the room is question 1's, which is taller than the intro (its first
// screen keeps the same room: styles/widget.css).
const INTRO_OFF = ':host([intro="off" i]), :host([intro="false" i]), :host([intro="no" i])';
const BOOT_CSS = `
:host { display: block !important; font-size: var(--lq-font-size, 16px) !important;
  min-height: var(--lq-boot-height, 30em) !important; }
${INTRO_OFF} { min-height: var(--lq-boot-height, 54em) !important; }
@media (max-width: 40em) { :host { min-height: var(--lq-boot-height, 40em) !important; }
  ${INTRO_OFF} { min-height: var(--lq-boot-height, 64em) !important; } }
:host([data-lq-state="failed"]), :host([mode="popup"]) { min-height: 0 !important; }
`;

// Set when the wasm has crashed: a Rust panic traps (release builds abort at once,
// with no hook and no message), or an exception went through Rust code. Its state is
// then unknown, so nothing calls into it again: every widget shows its host's fallback
// content (Services.failAll), and elements added later do too.
let crash = null;

function crashed(error) {
  if (crash !== null) return;
  crash = error instanceof Error ? error : new Error(String(error));
  const message = `internal error (${crash.message})`;
  console.error(`<${TAG}>: ${message}; every quiz on the page falls back to its host's content`, crash);
  Services.failAll(message);
}

// Calls `fn` (wasm code) and returns what it returns; once the wasm has crashed, does
// nothing and returns undefined (late timers, promise callbacks and finalizers find it
// gone, quietly). An exception leaving the wasm is the crash.
function guardCall(fn, ...args) {
  if (crash !== null) return undefined;
  try {
    return fn(...args);
  } catch (error) {
    crashed(error);
    throw error;
  }
}

// Every call from JavaScript into the wasm passes through guardCall: the build points
// the glue's `wasm` (its instance's exports) at this object, and the chunk loader's one
// call through the function table at guardCall (scripts/build-bundle.sh). The chunk's
// own links to the main module (__wasm_split_*) are wasm to wasm and stay direct.
function guardExports(exports) {
  const guarded = {};
  for (const [name, value] of Object.entries(exports)) {
    guarded[name] =
      typeof value !== "function" || name.startsWith("__wasm_split") ? value : (...args) => guardCall(value, ...args);
  }
  return guarded;
}

// Every file of the bundle this script fetches (the wasm files, the language files, the
// checker) is checked against the hash it was built with: a CDN that serves a changed
// file is refused. Pinning the script itself (the snippet's `integrity`) pins them all.
const bundleUrl = (name) => new URL(`./${name}`, import.meta.url);
Services.integrity = new Map(Object.entries(INTEGRITY).map(([name, hash]) => [bundleUrl(name).href, hash]));

// Thrown when a file of the bundle arrived but does not match its hash.
class IntegrityError extends Error {}

// A file of the bundle, checked against its hash. When the checked fetch fails but the
// same file can be fetched without the check, the file is not the one this build
// shipped: an IntegrityError (the browser gives both failures the same TypeError).
async function fetchBundleFile(name) {
  const url = bundleUrl(name);
  try {
    return await Services.request(url, { integrity: INTEGRITY[name] ?? "" });
  } catch (error) {
    const { changed, status } = await Services.whyFailed(url.href);
    if (changed) throw new IntegrityError(`${name} does not match this release of levels-quiz`);
    throw status ? new Error(`${name}: HTTP ${status}`) : error;
  }
}

let wasmReady = null;
function loadWasm() {
  wasmReady ??= __wbg_init({ module_or_path: fetchBundleFile("levels-quiz_bg.wasm") });
  wasmReady.catch(() => {
    wasmReady = null;
  });
  return wasmReady;
}

let bootSheet = null;
function bootStyles() {
  if (bootSheet === null) {
    bootSheet = new CSSStyleSheet();
    bootSheet.replaceSync(BOOT_CSS);
  }
  return bootSheet;
}

function emit(host, name, detail) {
  host.dispatchEvent(
    new CustomEvent(`levels-quiz:${name}`, { bubbles: true, composed: true, detail }),
  );
}

// The language to show: the `lang` attribute when set, otherwise the visitor's
// preferred languages; an exact tag first, then the same primary language ("zh" or
// "zh-TW" finds "zh-CN"); English when nothing matches.
function chooseLanguage(host) {
  const wanted = host.getAttribute("lang");
  const preferences = wanted ? [wanted] : [...(navigator.languages ?? [navigator.language])];
  const primary = (tag) => tag.toLowerCase().split("-")[0];
  for (const tag of preferences) {
    if (!tag) continue;
    const exact = LANGUAGES.find((l) => l.code.toLowerCase() === tag.toLowerCase());
    const close = LANGUAGES.find((l) => primary(l.code) === primary(tag));
    if (exact ?? close) return exact ?? close;
  }
  if (wanted) {
    const known = LANGUAGES.map((l) => l.code).join(", ");
    console.warn(`<${TAG}>: lang="${wanted}" is not one of ${known}; using ${LANGUAGES[0].code}`);
  }
  return LANGUAGES[0];
}

async function fetchFile(url, label, read) {
  try {
    const response = await Services.request(url);
    if (!response.ok) {
      return { error: `${label} could not be loaded (HTTP ${response.status})` };
    }
    return await read(response);
  } catch (error) {
    return { error: `${label} could not be loaded (${error.message})` };
  }
}

// The content checker (crates/check), imported only for a marketer's own content file.
// Its module is preloaded with its hash first (a dynamic import takes none), so the
// import finds the checked copy in the module map; its wasm is fetched as the others.
let checkerReady = null;
function loadChecker() {
  checkerReady ??= preloadModule("levels-quiz-check.js")
    .then(() => import(bundleUrl("levels-quiz-check.js").href))
    .then(async (checker) => {
      await checker.default({ module_or_path: fetchBundleFile("levels-quiz-check_bg.wasm") });
      return checker;
    })
    .catch((error) => {
      checkerReady = null;
      throw error;
    });
  return checkerReady;
}

// Loads a module of the bundle into the page's module map through
// <link rel="modulepreload" integrity>, which checks its hash.
function preloadModule(name) {
  return new Promise((resolve, reject) => {
    const link = document.createElement("link");
    link.rel = "modulepreload";
    link.href = bundleUrl(name).href;
    link.integrity = INTEGRITY[name] ?? "";
    link.crossOrigin = "anonymous";
    link.onload = () => {
      link.remove();
      resolve();
    };
    link.onerror = async () => {
      link.remove();
      const { changed, status } = await Services.whyFailed(link.href);
      reject(
        changed
          ? new IntegrityError(`${name} does not match this release of levels-quiz`)
          : new Error(`${name} could not be loaded${status ? ` (HTTP ${status})` : ""}`),
      );
    };
    document.head.append(link);
  });
}

// A content file's text, checked: { bytes } packed for the widget (its warnings logged),
// { problems } (every problem found), or { error } when the checker itself could not be
// loaded.
async function check(text) {
  let checker;
  try {
    checker = await loadChecker();
  } catch (error) {
    if (error instanceof IntegrityError) return { integrity: error.message };
    return { error: `the content checker could not be loaded (${error.message})` };
  }
  let checked;
  try {
    checked = checker.check(text);
  } catch (problems) {
    if (Array.isArray(problems)) return { problems };
    // Not a verdict but a crash (a wasm trap): that instance is done for.
    checkerReady = null;
    return { error: `the content checker failed (${problems?.message ?? problems})` };
  }
  for (const warning of checked.warnings) console.warn(`<${TAG}>: ${warning}`);
  return { bytes: checked.bytes };
}

// The first bytes of a packed file as hex: the magic and the layout's fingerprint.
// One of the bundle's languages, from its file next to this script (packed at build
// time), with where its result texts are (the wasm fetches them with the result's
// code). A file that is not this release's (a stale cache, a changed copy on a CDN)
// fails its hash and is refused: the `integrity` error.
async function bundledContent(language) {
  const url = (suffix) => bundleUrl(`levels-quiz.${language.code}${suffix}`).href;
  const file = await Services.file(url(".bin"));
  if (file.changed) return { integrity: `levels-quiz.${language.code}.bin does not match this release of levels-quiz` };
  if (file.error !== undefined) return { error: `the ${language.name} quiz could not be loaded (${file.error})` };
  return { bytes: file.bytes, resultTexts: url(".result.bin"), language };
}

// The element's content, ready for `mount`: an inline <script type="application/json">
// child or the `content` attribute's URL (both checked on demand), or one of the
// bundle's languages.
async function findContent(host, language) {
  const inline = host.querySelector(':scope > script[type="application/json"]');
  if (inline) return { ...(await check(inline.textContent ?? "")), own: true };
  const url = host.getAttribute("content");
  if (url) {
    // Fetch the checker and the file side by side.
    loadChecker().catch(() => {});
    const file = await fetchFile(new URL(url, document.baseURI), `the content file ${url}`, async (r) =>
      check(await r.text()),
    );
    return { ...file, own: true };
  }
  return bundledContent(language);
}

class LevelsQuizElement extends HTMLElement {
  static observedAttributes = [...CONTENT_ATTRIBUTES, ...LIVE_ATTRIBUTES];

  #widget = null;
  // Bumped on every (re)start and disconnect, so a mount that finishes after the
  // element was removed (or restarted) knows it is stale.
  #generation = 0;

  connectedCallback() {
    if (this.#widget !== null) {
      this.#generation++;
      return;
    }
    this.#start();
  }

  disconnectedCallback() {
    const generation = ++this.#generation;
    // Moving an element within the page disconnects and reconnects it at once; only
    // free the widget when it is really gone.
    queueMicrotask(() => {
      if (generation !== this.#generation || this.isConnected) return;
      this.#stop();
      this.shadowRoot?.replaceChildren();
      this.removeAttribute("data-lq-state");
    });
  }

  attributeChangedCallback(name, previous, value) {
    if (previous === value || !this.isConnected || crash !== null) return;
    if (CONTENT_ATTRIBUTES.includes(name)) {
      if (this.#widget !== null || this.getAttribute("data-lq-state") === "loading") {
        this.#stop();
        this.#start();
      }
    } else {
      this.#widget?.configure();
    }
  }

  /** Starts the quiz over, forgetting saved progress. */
  restart() {
    if (crash !== null) return;
    // An error panel has no quiz to start over: mount afresh, which fetches a file
    // that failed to load again.
    if (this.shadowRoot?.querySelector('[data-screen="error"]')) {
      this.#stop();
      this.#start();
    } else this.#widget?.restart();
  }

  /** The latest outcome (as in `levels-quiz:complete`), or null. */
  get result() {
    return crash === null ? (this.#widget?.result() ?? null) : null;
  }

  #start() {
    const generation = ++this.#generation;
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    root.adoptedStyleSheets = [bootStyles()];
    const boot = document.createElement("slot");
    root.replaceChildren(boot);
    this.setAttribute("data-lq-state", "loading");

    const language = chooseLanguage(this);
    Promise.all([loadWasm(), findContent(this, language)])
      .then(([, content]) => {
        if (generation !== this.#generation || !this.isConnected) return;
        if (crash !== null) throw crash;
        if (content.integrity !== undefined) throw new IntegrityError(content.integrity);
        root.replaceChildren();
        // Own content (inline or `content=`) is one language: no switch for it.
        const setup = {
          languages: content.own ? [] : LANGUAGES,
          language: (content.language ?? language).code,
          resultTexts: content.resultTexts ?? null,
        };
        this.#widget = mount(root, this, content.bytes, content.problems, content.error, setup);
        this.setAttribute("data-lq-state", "ready");
      })
      .catch((error) => {
        if (generation !== this.#generation) return;
        // A crash during this start already swapped this element for its fallback.
        if (crash !== null && this.getAttribute("data-lq-state") === "failed") return;
        // Leave the host's own content (the slot) in place.
        root.replaceChildren(boot);
        root.adoptedStyleSheets = [bootStyles()];
        this.setAttribute("data-lq-state", "failed");
        const message = error instanceof Error ? error.message : String(error);
        console.warn(`<${TAG}>: the quiz could not start: ${message}`);
        const code = crash !== null ? "panic" : error instanceof IntegrityError ? "integrity" : "wasm-failed";
        emit(this, "error", { code, message });
      });
  }

  #stop() {
    this.#generation++;
    if (this.#widget !== null && crash === null) {
      this.#widget.destroy();
      this.#widget.free();
    }
    this.#widget = null;
    Services.release(this);
  }
}

if (!customElements.get(TAG)) {
  customElements.define(TAG, LevelsQuizElement);
}

export { LevelsQuizElement };
// For the chunk loader only (scripts/build-bundle.sh), not an API.
export { guardCall as __levelsQuizGuardCall, fetchBundleFile as __levelsQuizFetch };
