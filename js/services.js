// The page's services for one <levels-quiz> element, as the wasm sees them
// (`Services` in src/embed.rs, behind the `Platform` trait): events and analytics,
// saved progress, the page's URL, the clipboard, printing, the lead post, the language
// switch, focus on a new screen, the result's stylesheet, today's date and how to
// write one, and the fallback after the wasm has crashed.
//
// Each is a few lines of JavaScript, but done from Rust each browser API costs the
// wasm its own binding; here they cost the bundle about a kilobyte. Decisions stay in
// Rust (which events, what they carry, which link schemes are safe); this file only
// talks to the browser. No method throws: blocked storage, a missing clipboard or a
// failed request come back as null or false.
//
// wasm-bindgen imports this module; scripts/build-bundle.sh bundles it into
// levels-quiz.js.

// While the widget prints, everything else on the page is left out.
const PRINT_PAGE_CSS = `@media print {
body *:not(:has(levels-quiz[data-lq-printing])):not(levels-quiz[data-lq-printing]) { display: none !important; }
levels-quiz[data-lq-printing] { box-shadow: none !important; border: 0 !important; margin: 0 !important; } }`;

const SHARE_PREFIX = "#levels-quiz=";

const pageWithoutHash = () => location.href.split("#")[0];

export class Services {
  // Every mounted widget's services (one per element; a remount replaces its entry),
  // for the fallback after a crash.
  static #live = new Map();
  // The bundle's files fetched so far (Services.file): URL -> promise.
  static #files = new Map();
  // Stylesheets added after the widget's own (the result's): CSS text -> one
  // constructed sheet, shared by every widget on the page.
  static #sheets = new Map();

  constructor(host, root) {
    this.host = host;
    this.root = root;
    for (const gone of [...Services.#live.keys()].filter((h) => !h.isConnected)) Services.release(gone);
    Services.#live.get(host)?.#focusKeeper.disconnect();
    Services.#live.set(host, this);
    this.#focusKeeper = this.#keepFocus();
  }

  #focusKeeper;

  // Focus that was in the widget stays in it. When a render takes away the focused
  // control (the Next button of the question just answered: each screen is new), the
  // browser drops focus to the page; the Rust side moves it to the new screen's heading
  // in an effect, which Yew's scheduler may run a task later. In between, a key press
  // would land on the page. So this observer, which runs in the same task as the
  // render, puts focus on the new screen's heading at once; the effect then finds it
  // there.
  #keepFocus() {
    // The control that last had focus in the widget, while focus has not moved on to
    // something else of the page.
    let last = null;
    const listening = new AbortController();
    const { signal } = listening;
    this.root.addEventListener("focusin", (event) => (last = event.target), { signal });
    this.root.addEventListener(
      "focusout",
      (event) => {
        if (event.relatedTarget && !this.root.contains(event.relatedTarget)) last = null;
      },
      { signal },
    );
    const keeper = new MutationObserver(() => {
      if (last && !last.isConnected && this.root.activeElement === null) {
        last = null;
        // What took the control's place says so (the note that the earlier results
        // are forgotten, in place of the button that forgot them); else the heading.
        const instead = this.root.querySelector("[data-lq-refocus]");
        if (instead) instead.focus();
        else this.focusScreen();
      }
    });
    keeper.observe(this.root, { childList: true, subtree: true });
    return {
      disconnect() {
        keeper.disconnect();
        listening.abort();
      },
    };
  }

  // The wasm instance has crashed (a Rust panic traps, or an exception went through
  // it), so no widget on the page can go on: each falls back to its host's own content
  // through a <slot>, is marked data-lq-state="failed", and fires levels-quiz:error with
  // code "panic".
  static failAll(message) {
    const live = [...Services.#live.values()];
    Services.#live.clear();
    for (const services of live) {
      try {
        if (services.host.isConnected) services.fail(message);
      } catch (error) {
        // One element the page broke does not keep the others up.
        console.error(error);
      }
    }
  }

  // The element stopped its widget (removed, or about to remount).
  static release(host) {
    Services.#live.get(host)?.#focusKeeper.disconnect();
    Services.#live.delete(host);
  }

  // Dispatches `levels-quiz:<name>` on the host (bubbling and composed, so a listener
  // on the document hears it) and, unless `analyticsName` is empty (the Rust side
  // decides, from the `analytics` attribute), pushes `{ event: analyticsName, ...fields }`
  // to window.dataLayer.
  emit(name, detail, analyticsName, fields) {
    this.host.dispatchEvent(new CustomEvent(`levels-quiz:${name}`, { bubbles: true, composed: true, detail }));
    if (!analyticsName) return;
    try {
      window.dataLayer?.push?.({ event: analyticsName, ...fields });
    } catch {
      // A broken dataLayer is the page's problem, not the quiz's.
    }
  }

  // localStorage can be missing, blocked (privacy settings, sandboxed frames) or full:
  // all mean no resume.
  load(key) {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  }

  save(key, value) {
    try {
      localStorage.setItem(key, value);
    } catch {
      // See load.
    }
  }

  forget(key) {
    try {
      localStorage.removeItem(key);
    } catch {
      // See load.
    }
  }

  sharedCode() {
    return location.hash.startsWith(SHARE_PREFIX) ? location.hash.slice(SHARE_PREFIX.length) : null;
  }

  shareUrl(code) {
    return pageWithoutHash() + SHARE_PREFIX + code;
  }

  async copy(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      return false;
    }
  }

  // The browser's print dialog for this widget alone, definitions expanded.
  print() {
    let sheet = null;
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(PRINT_PAGE_CSS);
    } catch {
      sheet = null;
    }
    // A copy: the property hands back the same live array every time.
    const existing = [...document.adoptedStyleSheets];
    const closed = [...this.root.querySelectorAll("details:not([open])")];
    if (sheet) document.adoptedStyleSheets = [...existing, sheet];
    this.host.setAttribute("data-lq-printing", "");
    for (const details of closed) details.open = true;
    try {
      window.print();
    } finally {
      for (const details of closed) details.open = false;
      this.host.removeAttribute("data-lq-printing");
      if (sheet) document.adoptedStyleSheets = existing;
    }
  }

  // `base` resolved against the page, with the page's utm_* parameters and `params`
  // ([key, value, key, value, ...]) in its query; "" when it cannot be resolved. A
  // #fragment stays on this page and carries nothing: a query would reload it.
  ctaHref(base, params) {
    if (base.startsWith("#")) return pageWithoutHash() + base;
    let url;
    try {
      url = new URL(base, location.href);
    } catch {
      return "";
    }
    const page = new URL(location.href).searchParams;
    for (const key of new Set(page.keys())) {
      if (key.startsWith("utm_")) url.searchParams.set(key, page.get(key));
    }
    for (let i = 0; i + 1 < params.length; i += 2) url.searchParams.set(params[i], params[i + 1]);
    return url.href;
  }

  // Every request the element and its widgets make goes through here, with one
  // credentials policy: "same-origin", what the browser also uses for the wasm files
  // (wasm-bindgen's loader and the chunk's loader call fetch with its defaults). A
  // staging site behind a login cookie serves the bundle's files, and no other origin
  // (a CDN, the lead form's endpoint) ever receives the visitor's cookies.
  static request(url, init = {}) {
    return fetch(url, { ...init, credentials: "same-origin" });
  }

  // A file of the bundle as bytes, or null (offline, 404, blocked); with `reload`,
  // past the browser's cache.
  async fetchBytes(url, reload) {
    return (await Services.file(url, reload)).bytes ?? null;
  }

  // The SHA-256 of every file of the bundle, by URL (set by js/levels-quiz.js).
  static integrity = new Map();

  // Why a fetch of the bundle's file at `url` failed: the browser reports a hash that
  // does not match, a network error and an HTTP error status alike (a body that is not
  // the file fails the hash). So it is fetched again without the check: `{ changed }`
  // when it is there but not the file this release shipped, `{ status }` for an HTTP
  // error, `{}` when it cannot be fetched at all.
  static async whyFailed(url) {
    if (!Services.integrity.has(url)) return {};
    try {
      const response = await Services.request(url, { cache: "no-store" });
      return response.ok ? { changed: true } : { status: response.status };
    } catch {
      return {};
    }
  }

  // A file of the bundle (a language's quiz or its result texts): { bytes }, or
  // { error } saying why not, with `changed` when the file is not this release's (its
  // hash does not match). Fetched once per page and shared by every element; a
  // failure is not kept, so the next element (or "Try again") asks again. `reload`
  // (a copy that did not fit this release) fetches it afresh past the browser's cache,
  // and the elements that ask after that share the fresh copy.
  static file(url, reload = false) {
    let file = Services.#files.get(url);
    if (!file || reload) {
      const integrity = Services.integrity.get(url) ?? "";
      file = Services.request(url, reload ? { cache: "reload", integrity } : { integrity })
        .then(async (response) =>
          response.ok ? { bytes: new Uint8Array(await response.arrayBuffer()) } : { error: `HTTP ${response.status}` },
        )
        .catch(async (error) => {
          const { changed, status } = await Services.whyFailed(url);
          if (changed) console.warn(`<levels-quiz>: ${url} does not match this release of levels-quiz (its hash differs); it is not used`);
          return { error: status ? `HTTP ${status}` : String(error?.message ?? error), changed };
        });
      file.then(({ error }) => error !== undefined && Services.#files.get(url) === file && Services.#files.delete(url));
      Services.#files.set(url, file);
    }
    return file;
  }

  // After the frame that shows what was just rendered (the next animation frame),
  // once the page is idle: what waits for this (fetching the code for the result)
  // must not hold up that frame or the visitor's first click. At most a second more
  // where the page is never idle; a task later where requestIdleCallback is missing
  // (Safari). In popup mode the quiz is out of sight until its dialog opens (saved
  // progress restores it behind a closed one), so this waits for that too, or for
  // the dialog to go (mode back to inline).
  afterPaint() {
    return new Promise((done) => {
      const idle = (fn) => (window.requestIdleCallback ? requestIdleCallback(fn, { timeout: 1000 }) : setTimeout(fn));
      const painted = () => requestAnimationFrame(() => idle(() => done(true)));
      const dialog = this.root.querySelector("dialog.lq-dialog");
      if (!dialog || dialog.open) return painted();
      const watch = new MutationObserver(() => {
        if (dialog.open || !dialog.isConnected) {
          watch.disconnect();
          painted();
        }
      });
      watch.observe(this.root, { subtree: true, childList: true, attributes: true, attributeFilter: ["open"] });
    });
  }

  // The current screen's heading (tabindex="-1", so it can take focus).
  focusScreen() {
    this.root.querySelector("[data-screen] [tabindex='-1']")?.focus();
  }

  // Popup mode's dialog, opened as its trigger would (unless it is open already; a
  // page that broke showModal gets the trigger instead).
  openDialog() {
    try {
      this.root.querySelector("dialog.lq-dialog:not([open])")?.showModal();
    } catch {
      // See above.
    }
  }

  // The element sees the attribute change and mounts the quiz in that language.
  setLanguage(code) {
    this.host.setAttribute("lang", code);
  }

  // Adds `css` after this widget's stylesheets, once. Without constructable
  // stylesheets the widget never mounted, so this cannot fail in practice; if it does,
  // the result shows unstyled rather than not at all.
  adoptStylesheet(css) {
    try {
      let sheet = Services.#sheets.get(css);
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        Services.#sheets.set(css, sheet);
      }
      const adopted = this.root.adoptedStyleSheets;
      if (!adopted.includes(sheet)) this.root.adoptedStyleSheets = [...adopted, sheet];
    } catch (error) {
      console.warn(`<levels-quiz>: the result's stylesheet could not be added (${error})`);
    }
  }

  fail(message) {
    this.host.setAttribute("data-lq-state", "failed");
    this.root.replaceChildren(document.createElement("slot"));
    this.emit("error", { code: "panic", message });
  }

  // Today on the visitor's device, as YYYY-MM-DD (a remembered result's day).
  today() {
    const now = new Date();
    return new Date(now - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
  }

  // A day (YYYY-MM-DD) written out for readers of `language`; the day as given where
  // the browser cannot.
  formatDay(day, language) {
    try {
      // With a time and no zone, the date is read as local: that day, wherever it is.
      return new Date(`${day}T00:00`).toLocaleDateString(language, { dateStyle: "long" });
    } catch {
      return day;
    }
  }

  // POSTs the fields ([key, value, ...]) as form data; true when the server said 2xx.
  async postLead(url, fields) {
    const form = new FormData();
    for (let i = 0; i + 1 < fields.length; i += 2) form.append(fields[i], fields[i + 1]);
    try {
      return (await Services.request(url, { method: "POST", body: form, mode: "cors" })).ok;
    } catch {
      return false;
    }
  }
}
