// The framed mode's page script (dist/frame.html, or pasted into a site builder's HTML
// embed): one <levels-quiz> filling the frame, its events and its height posted to the
// parent window, its call to action opened in the top window. The host page's optional
// helper (js/levels-quiz-frame.js) turns the messages back into events and sizes the
// iframe; README.md, "In a frame", is the marketer's side of it.
//
// Every message is `{ source: "levels-quiz", type, ... }`, posted with targetOrigin "*":
// a frame cannot know who its parent is. So nothing secret is posted: the lead event
// goes without the visitor's name and email.
import { LevelsQuizElement } from "./levels-quiz.js";

const SOURCE = "levels-quiz";
// Every event of README.md's events table (tests/e2e/frame.test.mjs checks they agree).
const EVENTS = ["ready", "start", "answer", "complete", "cta", "lead", "error"];

const post = (message) => {
  if (window.parent !== window) window.parent.postMessage({ source: SOURCE, ...message }, "*");
};

// The element on the page (a pasted embed writes its own, attributes and all), or one
// configured by this page's query: each of the element's attributes by its own name.
let quiz = document.querySelector("levels-quiz");
if (quiz === null) {
  quiz = document.createElement("levels-quiz");
  const query = new URLSearchParams(location.search);
  for (const name of LevelsQuizElement.observedAttributes) {
    if (query.has(name)) quiz.setAttribute(name, query.get(name));
  }
}
document.body.style.margin = "0";

for (const name of EVENTS) {
  quiz.addEventListener(`levels-quiz:${name}`, (event) => {
    // Structured-clone-safe: plain JSON.
    let detail = event.detail == null ? null : JSON.parse(JSON.stringify(event.detail));
    if (name === "lead" && detail !== null) {
      const { name: _name, email: _email, ...rest } = detail;
      detail = rest;
    }
    post({ type: event.type, detail });
  });
}

// The content's height in whole pixels, whenever it changes, and again when the
// parent's helper asks (it may load after the first one was posted).
let posted = -1;
const postHeight = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== posted) post({ type: "levels-quiz:resize", height: (posted = height) });
};
new ResizeObserver(postHeight).observe(document.documentElement);
window.addEventListener("message", (event) => {
  if (event.source !== window.parent || event.data?.source !== SOURCE || event.data.type !== "levels-quiz:hello") return;
  posted = -1;
  postHeight();
});

// The call to action leaves the frame for the top window: in a new tab when this frame
// may not navigate it (sandboxed without allow-top-navigation). After the click's
// dispatch, so the widget's `cta` event is posted first; still within the click's user
// activation, which both need.
quiz.addEventListener(
  "click",
  (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)
      return;
    const link = event.composedPath().find((el) => el instanceof HTMLAnchorElement && el.matches("a.lq-cta-button"));
    // A #fragment link (made into this page's own address) stays in the frame.
    if (!link?.href || link.href.split("#")[0] === location.href.split("#")[0]) return;
    event.preventDefault();
    const href = link.href;
    setTimeout(() => {
      try {
        window.top.location.href = href;
      } catch {
        window.open(href, "_blank", "noopener");
      }
    });
  },
  true,
);

if (!quiz.isConnected) document.body.append(quiz);
