// levels-quiz-frame.js: the host page's side of the framed mode (optional). For every
// <iframe data-levels-quiz> showing dist/frame.html, on the page now or added later:
// - the iframe's height follows the quiz's (`levels-quiz:resize`);
// - the quiz's events are dispatched on the iframe element as the same bubbling,
//   composed CustomEvents <levels-quiz> fires (`levels-quiz:complete`, ...);
// - with `data-analytics` (on/off like the element's `analytics`), they are pushed to
//   window.dataLayer as the widget itself pushes them.
// Only messages from that iframe's window and from the origin of its `src` count.
//
//   <script type="module" src="https://cdn.example.com/levels-quiz/levels-quiz-frame.js"></script>
//   <iframe data-levels-quiz data-analytics src="https://cdn.example.com/levels-quiz/frame.html?cta-href=..."
//     style="border: 0; width: 100%; height: 40em" title="Quiz"></iframe>

const SOURCE = "levels-quiz";
const SELECTOR = "iframe[data-levels-quiz]";
// Every event of README.md's events table (tests/e2e/frame.test.mjs checks they agree).
const EVENTS = ["ready", "start", "answer", "complete", "cta", "lead", "error"];
// The dataLayer objects of src/embed.rs (`announce`): each event's analytics name and
// fields, from its detail. `ready` and `error` are not pushed.
const ANALYTICS = {
  start: () => ({ event: "levels_quiz_start" }),
  answer: (d) => ({ event: "levels_quiz_answer", question_id: d.questionId, option_id: d.optionId }),
  complete: (d) => ({
    event: "levels_quiz_complete",
    level: d.operating_level,
    title_level: d.title_level,
    verdict: d.verdict,
  }),
  cta: (d) => ({ event: "levels_quiz_cta", level: d.level, verdict: d.verdict, variant: d.variant }),
  lead: (d) => ({ event: "levels_quiz_lead", level: d.level, verdict: d.verdict }),
};

const originOf = (iframe) => {
  try {
    const { origin } = new URL(iframe.src);
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
};

const analyticsOn = (iframe) =>
  iframe.hasAttribute("data-analytics") && !["off", "false", "no"].includes(iframe.dataset.analytics);

// Asks the frame for its height: it may have posted it before this script ran.
const hello = (iframe) => {
  const origin = originOf(iframe);
  if (origin) iframe.contentWindow?.postMessage({ source: SOURCE, type: "levels-quiz:hello" }, origin);
};

const seen = new WeakSet();
const track = (iframe) => {
  if (seen.has(iframe)) return;
  seen.add(iframe);
  iframe.addEventListener("load", () => hello(iframe));
  hello(iframe);
};
const scan = (node) => {
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  if (node.matches(SELECTOR)) track(node);
  node.querySelectorAll(SELECTOR).forEach(track);
};

window.addEventListener("message", (event) => {
  const data = event.data;
  if (event.source === null || data?.source !== SOURCE || typeof data.type !== "string") return;
  const iframe = [...document.querySelectorAll(SELECTOR)].find((f) => f.contentWindow === event.source);
  if (!iframe || event.origin !== originOf(iframe)) return;
  if (data.type === "levels-quiz:resize") {
    if (!Number.isFinite(data.height) || data.height < 0) return;
    // A border or padding the page gave the iframe comes on top, whatever its box-sizing.
    const style = getComputedStyle(iframe);
    const frame =
      style.boxSizing === "border-box"
        ? ["borderTopWidth", "borderBottomWidth", "paddingTop", "paddingBottom"].reduce(
            (sum, side) => sum + (parseFloat(style[side]) || 0),
            0,
          )
        : 0;
    iframe.style.height = `${Math.ceil(data.height + frame)}px`;
    return;
  }
  const name = data.type.startsWith("levels-quiz:") ? data.type.slice("levels-quiz:".length) : "";
  if (!EVENTS.includes(name)) return;
  const detail = data.detail ?? null;
  iframe.dispatchEvent(new CustomEvent(data.type, { bubbles: true, composed: true, detail }));
  if (ANALYTICS[name] && analyticsOn(iframe)) {
    try {
      window.dataLayer?.push?.(ANALYTICS[name](detail ?? {}));
    } catch {
      // A broken dataLayer is the page's problem, not the quiz's.
    }
  }
});

new MutationObserver((records) => {
  for (const record of records) {
    if (record.type === "attributes") scan(record.target);
    else record.addedNodes.forEach(scan);
  }
}).observe(document.documentElement, {
  childList: true,
  subtree: true,
  attributes: true,
  attributeFilter: ["data-levels-quiz"],
});
scan(document.documentElement);
