// <levels-quiz>: the custom element that hosts the widget.
//
// wasm-bindgen cannot define custom elements, so this small module does: it gives
// each element an open shadow root, loads the WebAssembly once per page (relative to
// this script's own URL, so the bundle works from any folder or CDN and ignores a
// page's <base href>), and calls the exported Rust `mount`. Until the widget starts,
// and for good if it cannot, whatever the host page put inside the element stays
// visible through a <slot>.
//
// The build (scripts/build-bundle.sh) appends this file to wasm-bindgen's glue, which
// defines `__wbg_init` and `mount`; the result is the one module `levels-quiz.js`.
/* global __wbg_init, mount */

const TAG = "levels-quiz";
const WASM_URL = new URL("./levels-quiz_bg.wasm", import.meta.url);

// Shown while the wasm loads: reserves room so the page does not jump when the
// quiz appears, and keeps the host's fallback content visible.
const BOOT_CSS = `
:host { display: block !important; min-height: var(--lq-boot-height, 24em); }
:host([data-lq-state="failed"]) { min-height: 0; }
.lq-boot { display: block; }
`;

let wasmReady = null;
function loadWasm() {
  wasmReady ??= __wbg_init({ module_or_path: WASM_URL });
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

class LevelsQuizElement extends HTMLElement {
  #widget = null;
  // Bumped on every connect and disconnect, so a mount that finishes after the
  // element was removed (or removed and re-added) knows it is stale.
  #generation = 0;

  connectedCallback() {
    const generation = ++this.#generation;
    if (this.#widget !== null) return;
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    root.adoptedStyleSheets = [bootStyles()];
    const boot = document.createElement("slot");
    boot.className = "lq-boot";
    root.replaceChildren(boot);
    this.setAttribute("data-lq-state", "loading");

    loadWasm()
      .then(() => {
        if (generation !== this.#generation || !this.isConnected) return;
        root.replaceChildren();
        root.adoptedStyleSheets = [];
        this.#widget = mount(root, this, null);
        this.setAttribute("data-lq-state", "ready");
      })
      .catch((error) => {
        if (generation !== this.#generation) return;
        // Leave the host's own content (the slot) in place.
        root.replaceChildren(boot);
        root.adoptedStyleSheets = [bootStyles()];
        this.setAttribute("data-lq-state", "failed");
        const message = error instanceof Error ? error.message : String(error);
        console.warn(`<${TAG}>: the quiz could not start: ${message}`);
        emit(this, "error", { code: "wasm-failed", message });
      });
  }

  disconnectedCallback() {
    const generation = ++this.#generation;
    // Moving an element within the page disconnects and reconnects it at once; only
    // free the widget when it is really gone.
    queueMicrotask(() => {
      if (generation !== this.#generation || this.isConnected) return;
      if (this.#widget !== null) {
        this.#widget.destroy();
        this.#widget.free();
        this.#widget = null;
      }
      this.shadowRoot?.replaceChildren();
      this.removeAttribute("data-lq-state");
    });
  }
}

if (!customElements.get(TAG)) {
  customElements.define(TAG, LevelsQuizElement);
}

export { LevelsQuizElement };
