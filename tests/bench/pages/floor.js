// The floor page's quiz (floor.html): the same question markup as our widget's
// (src/components/question.rs), in a shadow root with the same stylesheet, rendered
// by plain DOM calls. Next replaces the screen and moves focus to the new prompt, as
// the widget does; progress is saved to localStorage as the widget does. The last
// question shows a bare heading: the least a click can cost to paint. The probe treats
// this page like ours (same element, same data-screen attributes).
const [content, css] = await Promise.all([
  fetch("/content/en.json").then((r) => r.json()),
  fetch("/styles/widget.css").then((r) => r.text()),
]);
const ui = content.ui;
const svg = "http://www.w3.org/2000/svg";

function el(name, attrs = {}, ...children) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}
function svgEl(name, attrs) {
  const node = document.createElementNS(svg, name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
}
const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => values[k] ?? "");

class FloorQuiz extends HTMLElement {
  #answers = [];
  #index = 0;
  connectedCallback() {
    const root = this.attachShadow({ mode: "open" });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    this.frame = el("div", { class: "lq-root", part: "root", lang: "en", dir: "ltr" });
    root.append(this.frame);
    this.#show();
  }
  #show() {
    const q = content.questions[this.#index];
    if (!q) {
      const section = el("section", { "data-screen": "result", class: "lq-screen lq-result" }, el("h2", { tabindex: "-1", class: "lq-title" }, "Done"));
      this.frame.replaceChildren(section);
      section.querySelector("h2").focus();
      return;
    }
    const total = content.questions.length;
    const width = Math.round(((this.#index + 1) / total) * 100);
    const bar = svgEl("svg", { viewBox: "0 0 100 4", preserveAspectRatio: "none", "aria-hidden": "true", focusable: "false", class: "lq-progress-bar" });
    bar.append(svgEl("rect", { width: 100, height: 4, rx: 2, class: "lq-track" }), svgEl("rect", { width, height: 4, rx: 2, class: "lq-fill" }));
    const options = q.options.map((o) => {
      const input = el("input", { type: "radio", name: q.id, value: o.id });
      input.checked = this.#answers[this.#index] === o.id;
      input.addEventListener("change", () => (this.#answers[this.#index] = o.id));
      return el("label", { class: "lq-option" }, input, el("span", { class: "lq-option-label" }, o.label));
    });
    const back = el("button", { type: "button", class: "lq-button lq-secondary" }, ui.back);
    back.addEventListener("click", () => this.#go(-1));
    const form = el(
      "form",
      { novalidate: "novalidate", class: "lq-form" },
      el(
        "fieldset",
        { "aria-describedby": `lq-h-${q.id}`, class: "lq-fieldset" },
        el("legend", { class: "lq-legend" }, el("h2", { id: `lq-q-${q.id}`, tabindex: "-1", class: "lq-prompt" }, q.prompt)),
        el("p", { id: `lq-h-${q.id}`, class: "lq-hint" }, q.hint ?? ""),
        el("div", { class: "lq-options" }, ...options),
      ),
      el("div", { class: "lq-nav" }, back, el("button", { type: "submit", class: "lq-button lq-primary" }, this.#index + 1 === total ? ui.finish : ui.next)),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (this.#answers[this.#index] !== undefined) this.#go(1);
    });
    const section = el(
      "section",
      { "data-screen": "question", "data-question": q.id, class: "lq-screen lq-question" },
      el("div", { class: "lq-progress" }, el("p", { "aria-live": "polite", "aria-atomic": "true", class: "lq-progress-label" }, fill(ui.progress, { current: this.#index + 1, total })), bar),
      form,
    );
    this.frame.replaceChildren(section);
  }
  #go(delta) {
    this.#index = Math.max(0, this.#index + delta);
    this.#show();
    try {
      localStorage.setItem("floor", JSON.stringify(this.#answers));
    } catch {}
    this.frame.querySelector("h2")?.focus();
  }
}
customElements.define("levels-quiz", FloorQuiz);
