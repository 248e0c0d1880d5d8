//! `levels-content`: checks and scores quiz content files for content authors.

use std::process::ExitCode;

use levels_engine::{load_str_with_warnings, pack, score, split_result_texts, Answers, Content};

const HELP: &str = "\
levels-content: check and try out levels-quiz content files

USAGE:
    levels-content check FILE
    levels-content score FILE ANSWERS
    levels-content pack FILE OUT [RESULT_TEXTS]
    levels-content --help

COMMANDS:
    check FILE
        Validates a content file. When it is valid, prints one summary line and
        exits 0. Otherwise prints every problem, one per line, each starting with
        where it is (for example `questions[4].options[2].weights.communication`),
        and exits 1. Warnings (an unknown `ui` key, an interface string taken
        from the English defaults) go to standard error, each line starting with
        `warning: `; they do not change the exit status.

    score FILE ANSWERS
        Scores one set of answers and prints the outcome as JSON: level profile,
        operating level, title level, verdict, causes, next-step ids. ANSWERS is
        the chosen option ids, comma-separated, one per question in question order,
        for example: role-vp,hours-doing,measured-team,...

    pack FILE OUT [RESULT_TEXTS]
        Checks a content file as `check` does and, when it is valid, writes it to
        OUT in the packed form the widget reads without checking it again (how
        the bundle ships its languages). With RESULT_TEXTS, the texts only the
        result screen and the lead form show go there instead of into OUT, so OUT
        holds the intro and every question, and RESULT_TEXTS travels with the
        result's code.

EXIT STATUS:
    0 success, 1 invalid content or answers, 2 wrong usage or unreadable file.

From the repository root:
    cargo run --quiet --bin levels-content -- check content/en.json
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        [] | ["--help" | "-h" | "help", ..] => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        ["check", file] => match read(file) {
            Ok(content) => {
                let options: usize = content.questions.iter().map(|q| q.options.len()).sum();
                println!(
                    "{file}: valid: content \"{}\" version {} ({}), {} questions, {} options, {} causes, {} terms, {} next steps",
                    content.id,
                    content.version,
                    content.language,
                    content.questions.len(),
                    options,
                    content.causes.len(),
                    content.terms.len(),
                    content.next_steps.len()
                );
                ExitCode::SUCCESS
            }
            Err(code) => code,
        },
        ["score", file, answers] => {
            let content = match read(file) {
                Ok(content) => content,
                Err(code) => return code,
            };
            let ids: Vec<&str> = answers
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            match Answers::from_ids(&content, &ids) {
                Ok(answers) => {
                    let outcome = score(&content, &answers);
                    match serde_json::to_string_pretty(&outcome.report(&content)) {
                        Ok(json) => {
                            println!("{json}");
                            ExitCode::SUCCESS
                        }
                        Err(err) => {
                            eprintln!("could not print the outcome: {err}");
                            ExitCode::FAILURE
                        }
                    }
                }
                Err(message) => {
                    eprintln!("{message}");
                    ExitCode::FAILURE
                }
            }
        }
        ["pack", file, out] => match read(file) {
            Ok(content) => write_all(&[(*out, pack(&content))]),
            Err(code) => code,
        },
        ["pack", file, out, texts_out] => match read(file) {
            Ok(content) => {
                let (quiz, texts) = split_result_texts(&content);
                write_all(&[(*out, pack(&quiz)), (*texts_out, texts)])
            }
            Err(code) => code,
        },
        _ => {
            eprintln!("levels-content: unexpected arguments; see `levels-content --help`");
            ExitCode::from(2)
        }
    }
}

/// Reads and loads a content file, printing its warnings, and its problems on failure.
fn read(file: &str) -> Result<Content, ExitCode> {
    let text = std::fs::read_to_string(file).map_err(|err| {
        eprintln!("{file}: cannot read: {err}");
        ExitCode::from(2)
    })?;
    let (loaded, warnings) = load_str_with_warnings(&text);
    for warning in &warnings {
        eprintln!("warning: {warning}");
    }
    loaded.map_err(|err| {
        for problem in err.problems() {
            println!("{problem}");
        }
        eprintln!("{file}: {} problem(s)", err.problems().len());
        ExitCode::FAILURE
    })
}

/// Writes each file; 2 when one cannot be written.
fn write_all(files: &[(&str, Vec<u8>)]) -> ExitCode {
    for (path, bytes) in files {
        if let Err(err) = std::fs::write(path, bytes) {
            eprintln!("{path}: cannot write: {err}");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
