// The content preview page (dist/preview.html): a content author pastes or opens a
// content file and sees every problem by place (a syntax error by line and column), the
// quiz running with the file, and a result explorer; "Download" saves the checked text.
//
// Checking and scoring are the preview's build of the content checker (crates/check
// with `preview`, levels-quiz-preview.js): `check(text)` is the element's check of a
// content file of one's own, with the engine's parser and loader (as `levels-content
// check`, so syntax errors come by line and column); `explore(text, answers)` scores
// answers with the engine's `score` (as `levels-content score`). The quiz is a <levels-quiz> element given the
// text as its inline JSON child, made afresh when the checked content changes.
//
// Nothing leaves the browser: the page fetches only files of its own folder (the
// element's script and wasm, this page's checker, and the English example on request).
import "./levels-quiz.js";

const here = (name) => new URL(`./${name}`, import.meta.url);
// Wait this long after the last keystroke before checking.
const DEBOUNCE_MS = 250;

const $ = (id) => document.getElementById(id);
const text = $("content-text");
const status = $("status");
const problemsBox = $("problems-box");
const problemsList = $("problems");
const warningsBox = $("warnings-box");
const warningsList = $("warnings");
const download = $("download");
const downloadNote = $("download-note");
const quizSlot = $("quiz-slot");
const quizNote = $("quiz-note");
const explorer = $("explorer");
const answersForm = $("answers");
const resultBox = $("result");

// The checker module, loaded once (its wasm beside it).
let checkerReady = null;
function loadChecker() {
  checkerReady ??= import(here("levels-quiz-preview.js").href)
    .then(async (checker) => {
      await checker.default({ module_or_path: here("levels-quiz-preview_bg.wasm") });
      return checker;
    })
    .catch((error) => {
      checkerReady = null;
      throw error;
    });
  return checkerReady;
}

// What the page knows of the text last checked.
const state = {
  // The text that passed the check, or null.
  checked: null,
  // The packed bytes the quiz runs, as a string, to tell a real change from a
  // whitespace edit.
  packed: null,
  // The explorer's outline (questions and options) as JSON, to rebuild the lists only
  // when it changes; and the answers picked, by option id.
  outline: null,
  answers: [],
  // Whether the text changed since it was loaded or downloaded.
  dirty: false,
};

// ---- checking -------------------------------------------------------------------

let timer = 0;
let generation = 0;
text.addEventListener("input", () => {
  state.dirty = true;
  clearTimeout(timer);
  status.textContent = "Checking…";
  timer = setTimeout(runCheck, DEBOUNCE_MS);
});

async function runCheck() {
  clearTimeout(timer);
  const current = text.value;
  const mine = ++generation;
  let checker;
  try {
    checker = await loadChecker();
  } catch (error) {
    showStatus(`The checker could not be loaded (${error.message}). Reload the page to try again.`, "error");
    return;
  }
  if (mine !== generation) return;
  if (current.trim() === "") {
    showProblems([]);
    showWarnings([]);
    invalidate();
    showStatus("Paste a file, open one, or load the example to begin.");
    return;
  }
  let checked;
  try {
    checked = checker.check(current);
  } catch (problems) {
    if (!Array.isArray(problems)) {
      // A crash of the checker, not a verdict: start it afresh next time.
      checkerReady = null;
      showStatus(`The checker stopped (${problems?.message ?? problems}). Edit the text to check it again.`, "error");
      return;
    }
    showProblems(problems);
    showWarnings([]);
    invalidate();
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    showStatus(`${count} to fix. The quiz and the result explorer wait until there are none.`, "error");
    return;
  }
  showProblems([]);
  showWarnings(checked.warnings);
  state.checked = current;
  download.disabled = false;
  downloadNote.textContent = "Saves the checked text as a .json file on your computer.";
  const summary = outlineSummary(current);
  showStatus(`No problems: ${summary}.${checked.warnings.length ? " See the notes below." : ""}`, "ok");
  const packed = Array.from(checked.bytes, (b) => String.fromCharCode(b)).join("");
  if (packed !== state.packed) {
    state.packed = packed;
    showQuiz(current);
  }
  explore(checker);
}

function showStatus(message, kind = "") {
  status.textContent = message;
  status.dataset.kind = kind;
}

// The quiz and explorer go away until the text is valid again.
function invalidate() {
  state.checked = null;
  state.packed = null;
  download.disabled = true;
  downloadNote.textContent = "Download works once the file has no problems.";
  quizSlot.replaceChildren();
  quizNote.hidden = false;
  explorer.hidden = true;
}

// "12 questions, content my-quiz version 3", from the valid text.
function outlineSummary(valid) {
  try {
    const file = JSON.parse(valid);
    const questions = Array.isArray(file.questions) ? file.questions.length : 0;
    return `${questions} questions, content "${file.id}" version ${file.version}`;
  } catch {
    return "the file is valid";
  }
}

// One problem as the checker words it: `line L, column C: message` for a syntax error,
// `place: message` for the rest (a place has no spaces), or a message alone.
function parseProblem(problem) {
  const syntax = problem.match(/^line (\d+), column (\d+): (.*)$/s);
  if (syntax) return { line: Number(syntax[1]), column: Number(syntax[2]), message: syntax[3] };
  const placed = problem.match(/^([^\s:]+): (.*)$/s);
  if (placed) return { place: placed[1], message: placed[2] };
  return { message: problem };
}

function showProblems(problems) {
  problemsList.replaceChildren(
    ...problems.map((problem) => {
      const item = document.createElement("li");
      const { line, column, place, message } = parseProblem(problem);
      if (line !== undefined) {
        const go = document.createElement("button");
        go.type = "button";
        go.className = "pv-place";
        go.textContent = `line ${line}, column ${column}`;
        go.setAttribute("aria-label", `Go to line ${line}, column ${column}`);
        go.addEventListener("click", () => goTo(line, column));
        item.append(go, ` ${message}`);
        item.dataset.line = line;
        item.dataset.column = column;
      } else if (place !== undefined) {
        const code = document.createElement("code");
        code.className = "pv-place";
        code.textContent = place;
        item.append(code, ` ${message}`);
        item.dataset.place = place;
      } else {
        item.append(message);
      }
      return item;
    }),
  );
  problemsBox.hidden = problems.length === 0;
  $("syntax-hint").hidden = !problems.some((problem) => parseProblem(problem).line !== undefined);
}

function showWarnings(warnings) {
  warningsList.replaceChildren(
    ...warnings.map((warning) => {
      const item = document.createElement("li");
      item.textContent = warning;
      return item;
    }),
  );
  warningsBox.hidden = warnings.length === 0;
}

// Puts the cursor at a line and column of the text (the checker counts columns in
// UTF-8 bytes, the text area in UTF-16 units) and scrolls it into view.
function goTo(line, column) {
  const lines = text.value.split("\n");
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
  const bytes = new TextEncoder().encode(lines[line - 1] ?? "");
  offset += new TextDecoder().decode(bytes.slice(0, Math.max(0, column - 1))).length;
  text.focus();
  text.setSelectionRange(offset, Math.min(offset + 1, text.value.length));
  // Scroll the line into view: roughly its share of the text area's scroll height.
  const share = (line - 1) / Math.max(1, lines.length);
  text.scrollTop = Math.max(0, share * text.scrollHeight - text.clientHeight / 2);
}

// ---- the quiz ---------------------------------------------------------------------

// A fresh element with the text as its inline content; no saved progress, so each
// change starts at the intro.
function showQuiz(valid) {
  const quiz = document.createElement("levels-quiz");
  quiz.id = "preview-quiz";
  quiz.setAttribute("persist", "off");
  const json = document.createElement("script");
  json.type = "application/json";
  json.textContent = valid;
  quiz.append(json);
  quizSlot.replaceChildren(quiz);
  quizNote.hidden = true;
}

// ---- the result explorer ----------------------------------------------------------

function explore(checker) {
  if (state.checked === null) return;
  let explained;
  try {
    explained = JSON.parse(checker.explore(state.checked, state.answers));
  } catch (problems) {
    explorer.hidden = true;
    if (!Array.isArray(problems)) checkerReady = null;
    return;
  }
  state.answers = explained.answers;
  const outline = JSON.stringify(explained.questions);
  if (outline !== state.outline) {
    state.outline = outline;
    buildAnswers(explained.questions);
  }
  explained.questions.forEach((_, i) => {
    const select = answersForm.elements[`answer-${i}`];
    if (select) select.value = explained.answers[i];
  });
  showResult(explained.result);
  explorer.hidden = false;
}

function buildAnswers(questions) {
  const fields = questions.map((question, i) => {
    const field = document.createElement("div");
    field.className = "pv-field";
    const label = document.createElement("label");
    label.htmlFor = `answer-${i}`;
    label.textContent = `${i + 1}. ${question.prompt}`;
    const select = document.createElement("select");
    select.id = `answer-${i}`;
    select.name = `answer-${i}`;
    select.dataset.question = question.id;
    for (const option of question.options) {
      select.append(new Option(option.text, option.id));
    }
    select.addEventListener("change", async () => {
      state.answers[i] = select.value;
      explore(await loadChecker());
    });
    field.append(label, select);
    return field;
  });
  answersForm.replaceChildren(...fields);
}

// Elements by hand: every text from the file goes in as text, never as markup.
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}
const id = (value) => el("code", { class: "pv-id" }, value);
const named = (n) => el("span", {}, n.text, " ", id(n.id));

function showResult(result) {
  const [implementation, unification, communication] = result.profile;
  const row = (field, term, ...details) => [el("dt", {}, term), el("dd", { "data-field": field }, ...details)];
  const list = (field, items, render, empty) =>
    items.length === 0
      ? el("p", { "data-field": field, class: "pv-note" }, empty)
      : el("ol", { "data-field": field }, ...items.map((item) => el("li", {}, ...render(item))));
  resultBox.replaceChildren(
    el("h3", {}, "What this reader sees"),
    el(
      "dl",
      {},
      ...row("operating", "Level their work operates at", named(result.operating)),
      ...row("title", "Level their title calls for", named(result.title)),
      ...row("rung", "Rung", result.rung ? named(result.rung) : "none (the file has no rungs)"),
      ...row("split", "Week split with", result.split ? named(result.split) : "no (the call is clear)"),
      ...row(
        "profile",
        "Share of the week",
        `implementation ${implementation}%, unification ${unification}%, communication ${communication}%`,
      ),
      ...row(
        "verdict",
        "Verdict",
        el("strong", { "data-part": "headline" }, result.verdict.headline),
        " ",
        id(result.verdict.id),
        el("p", { class: "pv-body" }, result.verdict.body),
      ),
    ),
    el("h4", {}, "Causes that apply"),
    list(
      "causes",
      result.causes,
      (c) => [c.name, " ", id(c.id), ` ${c.strength === "strong" ? "strongly" : "somewhat"} (${c.percent}%)`],
      "None.",
    ),
    el("h4", {}, "Next steps, in the order shown"),
    list("next-steps", result.next_steps, (s) => [named(s)], "None."),
    el("h4", {}, "Habits to build"),
    list("constructive", result.constructive, (p) => [named(p)], "None."),
    el("h4", {}, "Patterns the answers show"),
    list("destructive", result.destructive, (p) => [named(p)], "None."),
    el("h4", {}, "Call to action"),
    el(
      "div",
      { class: "pv-cta", "data-field": "cta", "data-variant": result.cta.id },
      el("p", {}, el("strong", {}, result.cta.heading), " ", id(result.cta.id)),
      el("p", {}, result.cta.body),
      el("p", {}, "Button: ", el("strong", {}, result.cta.label), " → ", el("code", {}, result.cta.href)),
    ),
  );
}

// ---- loading and saving -----------------------------------------------------------

function setText(value) {
  text.value = value;
  state.dirty = false;
  state.outline = null;
  showStatus("Checking…");
  runCheck();
}

$("open-file").addEventListener("change", async (event) => {
  const file = event.target.files?.[0];
  if (!file) return;
  try {
    const value = await file.text();
    download.dataset.name = file.name;
    setText(value);
  } catch (error) {
    showStatus(`${file.name} could not be read (${error.message}).`, "error");
  }
  event.target.value = "";
});

$("load-example").addEventListener("click", async () => {
  if (state.dirty && text.value.trim() !== "" && !confirm("Replace your text with the English example?")) return;
  showStatus("Loading the example…");
  try {
    const response = await fetch(here("levels-quiz.en.json"));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    delete download.dataset.name;
    setText(await response.text());
  } catch (error) {
    showStatus(`The example could not be loaded (${error.message}).`, "error");
  }
});

download.addEventListener("click", () => {
  if (state.checked === null) return;
  const blob = new Blob([state.checked], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = el("a", { href: url, download: fileName() });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
  state.dirty = false;
});

// The opened file's name, else the content's id.
function fileName() {
  if (download.dataset.name) return download.dataset.name;
  try {
    const contentId = JSON.parse(state.checked ?? "").id;
    if (typeof contentId === "string" && /^[A-Za-z0-9._-]+$/.test(contentId)) return `${contentId}.json`;
  } catch {}
  return "my-quiz.json";
}

// Leaving the page (the quiz's call to action, say) would lose unsaved edits: ask.
window.addEventListener("beforeunload", (event) => {
  if (state.dirty && text.value.trim() !== "") event.preventDefault();
});

// Start loading the checker at once, so the first check does not wait for it.
loadChecker().catch(() => {});
