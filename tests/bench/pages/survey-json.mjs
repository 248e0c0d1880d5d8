// Builds the SurveyJS version of the quiz from content/en.json at run time, so the
// benchmark's SurveyJS page always asks exactly our questions (no copied content).
//
// Each question becomes one page with one required `radiogroup`: its title is our
// prompt, its description our hint, its choices our option labels (values: our option
// ids). The Next, Back and finish button texts and the "answer required" message are
// the content's `ui` strings. A progress bar sits on top, as in our widget. There is no
// survey title: like our question screens, nothing stands above the question (the host
// page has its own heading). The complete page shows our result eyebrow and the call
// to action: SurveyJS does not score, so it shows a static page where our widget
// computes and draws the full result.
import { readFile } from "node:fs/promises";

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

/** The SurveyJS survey JSON for a parsed content file. */
export function surveyJson(content) {
  const ui = content.ui;
  return {
    showQuestionNumbers: "off",
    showProgressBar: true,
    progressBarLocation: "top",
    progressBarType: "questions",
    pageNextText: ui.next,
    pagePrevText: ui.back,
    completeText: ui.finish,
    pages: content.questions.map((question) => ({
      name: `page-${question.id}`,
      elements: [
        {
          type: "radiogroup",
          name: question.id,
          title: question.prompt,
          ...(question.hint ? { description: question.hint } : {}),
          isRequired: true,
          requiredErrorText: ui.answer_required,
          choices: question.options.map((option) => ({ value: option.id, text: option.label })),
        },
      ],
    })),
    completedHtml:
      `<h2>${escapeHtml(ui.result_eyebrow)}</h2>` +
      `<h3>${escapeHtml(content.cta.heading)}</h3>` +
      `<p>${escapeHtml(content.cta.body)}</p>` +
      `<p><a href="${escapeHtml(content.cta.href)}">${escapeHtml(content.cta.label)}</a></p>`,
  };
}

/** Reads a content file and returns its survey JSON. */
export async function surveyJsonFromFile(path) {
  return surveyJson(JSON.parse(await readFile(path, "utf8")));
}
