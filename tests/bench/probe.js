// In-page instrumentation for the benchmark, added with page.addInitScript so it runs
// before any of the page's own scripts. Identical for both pages; only the adapter
// (how to find the current question in the DOM) differs. Everything it records is in
// the page's performance.now() timebase (0 = navigation start) under window.__bench.
//
// - first question: a MutationObserver (on the document and on every shadow root, via
//   a wrapped attachShadow) notices the first question with its radio inputs and its
//   Next button in the DOM; the time is taken after that frame is painted (see
//   afterPaint). Our widget opens on an intro screen (on question 1 with intro="off",
//   ours-intro-off.html, which needs no click): its start button is clicked
//   (element.click()) right after the frame that first paints it, so the measured time
//   is the shortest path to question 1 that a visitor could take.
// - first screen: the same observer notices the quiz's first screen in the DOM (ours
//   and the floor: the first element with a data-screen attribute in the element's
//   open shadow root, the intro or question 1; SurveyJS has no intro, so its first
//   screen is question 1); the time is taken after that frame is painted, as for the
//   first question.
// - steps: the driver calls __bench.arm() and then clicks Next (a trusted click through
//   the DevTools protocol). A capture listener on window takes the click event's
//   timeStamp (when the input arrived, so input delay counts); the observer notices a
//   question other than the armed one (or the result) in the DOM; the end is after that
//   frame's paint.
// - afterPaint: requestAnimationFrame, then a MessageChannel message. rAF callbacks
//   run just before the frame's style, layout and paint, and a message posted from
//   there runs as the next task, after the frame is painted (on the main thread).
// - layout shifts (PerformanceObserver, buffered), the first trusted input, and the
//   WebAssembly instances (WebAssembly.instantiate[Streaming] wrapped) so the driver
//   can read their linear memory size after the run.
(() => {
  if (window.__bench) return;
  const kind = location.pathname.includes("surveyjs") ? "surveyjs" : "ours";
  const now = () => performance.now();
  const B = (window.__bench = { kind, marks: {}, shifts: [], steps: [], pending: null, errors: [] });
  const instances = [];

  const adapters = {
    ours: {
      root: () => document.querySelector("levels-quiz")?.shadowRoot ?? null,
      states(root) {
        return [...root.querySelectorAll("[data-screen]")].map((screen) => {
          const name = screen.getAttribute("data-screen");
          return name === "question" ? `question:${screen.getAttribute("data-question")}` : name;
        });
      },
      // Any screen: the intro, or question 1 when the widget opens on a question.
      screen: (root) => !!root.querySelector("[data-screen]"),
      ready: (root) =>
        !!root.querySelector("[data-screen=question] input[type=radio]") && !!root.querySelector("[data-screen=question] button[type=submit]"),
      // The intro's primary button (it also has language buttons).
      start: (root) =>
        root.querySelector("[data-screen=intro] .lq-start-row button") ?? root.querySelector("[data-screen=intro] button.lq-primary"),
      next: (root) => root.querySelector("[data-screen=question] button[type=submit]"),
    },
    surveyjs: {
      root: () => document.getElementById("quiz"),
      states(root) {
        const states = [...root.querySelectorAll(".sd-question[data-name]")].map((q) => `question:${q.getAttribute("data-name")}`);
        if (root.querySelector(".sd-completedpage")) states.push("result");
        return states;
      },
      ready: (root) =>
        !!root.querySelector(".sd-question input[type=radio]") &&
        !!root.querySelector(".sd-navigation__next-btn, .sd-navigation__complete-btn"),
      // SurveyJS has no intro: its first screen is question 1.
      screen(root) {
        return this.ready(root);
      },
      start: () => null,
      next: (root) =>
        [...root.querySelectorAll(".sd-navigation__next-btn, .sd-navigation__complete-btn")].find((b) => b.getClientRects().length > 0),
    },
  };
  const adapter = adapters[kind];

  function afterPaint(callback) {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => callback(now());
      channel.port2.postMessage(0);
    });
  }

  function check() {
    const root = adapter.root();
    if (!root) return;
    const t = now();
    const marks = B.marks;
    if (marks.firstScreenDom === undefined && adapter.screen(root)) {
      marks.firstScreenDom = t;
      afterPaint((at) => (marks.firstScreen = at));
    }
    if (marks.firstQuestionDom === undefined) {
      if (marks.startSeen === undefined) {
        const start = adapter.start(root);
        if (start) {
          marks.startSeen = t;
          // Click as soon as the intro is painted (a visitor cannot click it earlier).
          afterPaint((at) => {
            marks.introPainted = at;
            marks.startClicked = now();
            start.click();
          });
        }
      }
      if (adapter.ready(root)) {
        marks.firstQuestionDom = now();
        afterPaint((at) => (marks.firstQuestion = at));
      }
      return;
    }
    const step = B.pending;
    if (step && step.clickAt !== undefined && step.domAt === undefined) {
      const next = adapter.states(root).find((state) => state !== step.from);
      if (next) {
        step.domAt = t;
        step.to = next;
        afterPaint((at) => {
          step.paintAt = at;
          B.steps.push(step);
          B.pending = null;
        });
      }
    }
  }

  const observer = new MutationObserver(check);
  const options = { childList: true, subtree: true, attributes: true, attributeFilter: ["data-screen", "data-question", "data-name"] };
  observer.observe(document, options);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    observer.observe(root, options);
    return root;
  };

  addEventListener(
    "click",
    (event) => {
      const step = B.pending;
      if (step && step.clickAt === undefined && event.isTrusted) {
        step.clickAt = event.timeStamp;
        step.dispatchedAt = now();
      }
    },
    true,
  );
  // Our widget's own "mounted" event (after its first render is scheduled).
  document.addEventListener("levels-quiz:ready", () => (B.marks.ready ??= now()), true);
  addEventListener(
    "pointerdown",
    (event) => {
      if (event.isTrusted && B.marks.firstInput === undefined) B.marks.firstInput = event.timeStamp;
    },
    true,
  );

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        B.shifts.push({
          value: e.value,
          startTime: e.startTime,
          hadRecentInput: e.hadRecentInput,
          // What moved, for the report: element, and how far down it went.
          sources: (e.sources ?? []).map((source) => ({
            node: source.node ? `${source.node.nodeName.toLowerCase()}${source.node.className ? `.${String(source.node.className).split(" ")[0]}` : ""}` : "?",
            dy: Math.round(source.currentRect.y - source.previousRect.y),
          })),
        });
      }
    }).observe({ type: "layout-shift", buffered: true });
  } catch (error) {
    B.errors.push(`layout-shift: ${error}`);
  }

  for (const name of ["instantiate", "instantiateStreaming"]) {
    const original = WebAssembly[name];
    if (typeof original !== "function") continue;
    WebAssembly[name] = function (...args) {
      return original.apply(this, args).then((result) => {
        instances.push(result instanceof WebAssembly.Instance ? result : result.instance);
        return result;
      });
    };
  }

  const input = (root, id) => root.querySelector(`input[type=radio][value="${CSS.escape(id)}"]`);
  /** The viewport point at the centre of an element, scrolled into view first if needed. */
  function centre(element) {
    let rect = element.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > innerHeight) {
      element.scrollIntoView({ block: "center" });
      rect = element.getBoundingClientRect();
    }
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  /** Where the driver clicks to choose the option `id` of the current question. */
  B.optionPoint = (id) => {
    const root = adapter.root();
    const label = root && input(root, id)?.closest("label");
    return label ? centre(label) : null;
  };
  /**
   * Called by the driver just before it clicks Next: whether option `id` is chosen, and
   * where Next is. Arms the step measurement only when the option is chosen.
   */
  B.arm = (id) => {
    const root = adapter.root();
    const next = root && adapter.next(root);
    if (!next || !input(root, id)?.checked) return null;
    const point = centre(next);
    B.pending = { from: adapter.states(root)[0], armedAt: now() };
    return point;
  };
  B.state = () => {
    const root = adapter.root();
    return root ? adapter.states(root)[0] ?? null : null;
  };
  /** Bytes of every WebAssembly.Memory the page's wasm instances export. */
  B.wasmMemoryBytes = () => {
    const seen = new Set();
    for (const instance of instances) {
      for (const value of Object.values(instance.exports)) {
        if (value instanceof WebAssembly.Memory) seen.add(value);
      }
    }
    return [...seen].reduce((sum, memory) => sum + memory.buffer.byteLength, 0);
  };
})();
