// A tiny single-page app: a hash router that swaps the view without reloading. The
// "quiz" route builds a new <levels-quiz> on every visit; the "kept" route keeps one
// element alive in memory and re-inserts it, as frameworks with view caches do.
const view = document.querySelector("#view");
let kept = null;

function heading(text) {
  const h1 = document.createElement("h1");
  h1.textContent = text;
  return h1;
}

function button() {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "host-button";
  b.textContent = "Book a call";
  return b;
}

const routes = {
  "/home": () => [heading("Home"), button()],
  "/quiz": () => [heading("Quiz"), button(), document.createElement("levels-quiz")],
  "/kept": () => [heading("Kept quiz"), button(), (kept ??= document.createElement("levels-quiz"))],
};

function render() {
  const route = routes[location.hash.slice(1)] ?? routes["/home"];
  view.replaceChildren(...route());
}

addEventListener("hashchange", render);
render();
