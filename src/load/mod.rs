//! Stage 1, load: walks `content/`, reads every file and parses it into the
//! typed structs of [`crate::content`]. Problems are collected, not returned
//! one at a time, so a build reports everything that is wrong at once.

pub mod history;
pub mod pattern;
pub mod source;
pub mod strings;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::de::DeserializeOwned;
use toml::Spanned;

use crate::content::{
    CapturedFile, CodeEntry, ComparisonEntry, ExamplesFile, GlossaryFile, LibrariesFile,
    LookupFile, MessagesFile, ProtocolFile, RangeEntry, RedirectsFile, SiteConfig, TimeoutsFile,
    Translatable,
};
use crate::error::Problem;
use source::{SourceFile, read, walk};
use strings::Strings;

/// A parsed value and the file it came from, for positions in later errors.
#[derive(Debug)]
pub struct Loaded<T> {
    pub file: Arc<SourceFile>,
    pub value: T,
}

/// Everything under `content/`, parsed but not yet validated.
#[derive(Debug, Default)]
pub struct Content {
    pub content_dir: PathBuf,
    pub config: Option<Loaded<SiteConfig>>,
    /// Keyed by language code, from `i18n/<language>.toml`.
    pub strings: BTreeMap<String, Loaded<Strings>>,
    pub codes: Vec<Loaded<CodeEntry>>,
    pub ranges: Vec<Loaded<RangeEntry>>,
    pub comparisons: Vec<Loaded<ComparisonEntry>>,
    pub libraries: Option<Loaded<LibrariesFile>>,
    pub messages: Option<Loaded<MessagesFile>>,
    pub examples: Option<Loaded<ExamplesFile>>,
    /// `lookup.toml`: how the lookup reads texts that name no code.
    pub lookup: Option<Loaded<LookupFile>>,
    /// `timeouts.toml`: the hops in between and their idle limits.
    pub timeouts: Option<Loaded<TimeoutsFile>>,
    /// `glossary.toml`: one term per concept in each translation.
    pub glossary: Option<Loaded<GlossaryFile>>,
    pub redirects: Option<Loaded<RedirectsFile>>,
    /// `captured/<library>.toml`: what libraries printed when they ran.
    pub captured: Vec<Loaded<CapturedFile>>,
    /// `protocols/<slug>.toml`, with the slug.
    pub protocols: Vec<(String, Loaded<ProtocolFile>)>,
    /// `urls.lock`: every URL and anchor ever published.
    pub url_lock: Option<Arc<SourceFile>>,
    /// Codes whose file exists but did not parse: already reported, so
    /// references to them are not reported again.
    pub broken_codes: BTreeSet<u16>,
    /// The hash of every file read, by its path under `content/`: what the
    /// build was made from.
    pub inputs: source::Files,
    /// Languages whose strings exist but did not parse.
    pub broken_languages: BTreeSet<String>,
    /// When each file last changed, where the repository says.
    pub history: history::History,
}

/// Reads and parses every file under `dir`.
pub fn load(dir: &Path) -> (Content, Vec<Problem>) {
    let mut site = Content {
        content_dir: dir.to_path_buf(),
        ..Content::default()
    };
    let mut problems = Vec::new();
    if !dir.is_dir() {
        problems.push(
            Problem::at_file(dir, "content directory not found").with_hint(
                "run from the repository root, or name the directory with --content DIR",
            ),
        );
        return (site, problems);
    }
    for entry in walk(dir).sort_by_file_name() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                problems.push(walk_problem(dir, &err));
                continue;
            }
        };
        let path = entry.path();
        let rel = path.strip_prefix(dir).unwrap_or(path);
        if entry.file_type().is_dir() {
            if entry.depth() == 2 {
                problems.push(unexpected(
                    path,
                    "unexpected directory in the content directory",
                ));
            }
            continue;
        }
        if rel.to_str().is_none() {
            problems.push(
                Problem::at_file(path, "the file name is not valid UTF-8")
                    .with_hint("rename it: content files are named after what they hold"),
            );
            continue;
        }
        if !entry.file_type().is_file() {
            problems.push(
                Problem::at_file(path, "not a regular file")
                    .with_hint("content/ holds TOML files; a symbolic link must point at one"),
            );
            continue;
        }
        match read(path) {
            Ok(file) => {
                let name = rel.to_string_lossy().replace('\\', "/");
                site.inputs.insert(name, blake3::hash(file.text.as_bytes()));
                site.add(rel, Arc::new(file), &mut problems)
            }
            Err(problem) => {
                problems.push(problem);
                site.mark_broken(rel);
            }
        }
    }
    site.history = history::History::read(dir);
    site.inputs
        .insert(history::INPUT.to_string(), site.history.hash());
    (site, problems)
}

impl Content {
    /// Every prose field of every code, range, comparison and the timeouts
    /// page, in every language, with the file it is in.
    pub fn prose(&self) -> Vec<(&SourceFile, &Spanned<String>)> {
        self.prose_where(|_| true)
    }

    /// The prose fields of the languages `keep` accepts.
    pub fn prose_where(&self, keep: impl Fn(&str) -> bool) -> Vec<(&SourceFile, &Spanned<String>)> {
        fn collect<'a, E, T: Translatable + 'a>(
            out: &mut Vec<(&'a SourceFile, &'a Spanned<String>)>,
            keep: &impl Fn(&str) -> bool,
            entries: &'a [Loaded<E>],
            texts: impl Fn(&'a E) -> &'a Spanned<BTreeMap<String, Spanned<T>>>,
        ) {
            for entry in entries {
                for (lang, table) in texts(&entry.value).get_ref() {
                    if keep(lang) {
                        let fields = table.get_ref().fields().into_iter().filter_map(|(_, f)| f);
                        out.extend(fields.map(|f| (&*entry.file, f)));
                    }
                }
            }
        }
        let mut out = Vec::new();
        collect(&mut out, &keep, &self.codes, |e| &e.text);
        collect(&mut out, &keep, &self.ranges, |e| &e.text);
        collect(&mut out, &keep, &self.comparisons, |e| &e.text);
        for (_, protocol) in &self.protocols {
            collect(&mut out, &keep, std::slice::from_ref(protocol), |p| &p.text);
            for code in &protocol.value.code {
                for (lang, table) in code.text.get_ref() {
                    if keep(lang) {
                        let fields = table.get_ref().fields().into_iter().filter_map(|(_, f)| f);
                        out.extend(fields.map(|f| (&*protocol.file, f)));
                    }
                }
            }
        }
        if let Some(timeouts) = &self.timeouts {
            collect(&mut out, &keep, std::slice::from_ref(timeouts), |e| &e.text);
            let notes = timeouts.value.hop.iter().flat_map(|h| &h.text);
            out.extend(
                notes
                    .filter(|(lang, _)| keep(lang))
                    .filter_map(|(_, t)| t.note.as_ref())
                    .map(|n| (&*timeouts.file, n)),
            );
        }
        out
    }

    fn add(&mut self, rel: &Path, file: Arc<SourceFile>, problems: &mut Vec<Problem>) {
        let parts: Vec<&str> = rel.iter().filter_map(|p| p.to_str()).collect();
        let toml_stem = |name: &str| name.strip_suffix(".toml").map(str::to_string);
        match parts.as_slice() {
            ["site.toml"] => self.config = parse(&file, problems),
            ["libraries.toml"] => self.libraries = parse(&file, problems),
            ["messages.toml"] => self.messages = parse(&file, problems),
            ["examples.toml"] => self.examples = parse(&file, problems),
            ["lookup.toml"] => self.lookup = parse(&file, problems),
            ["timeouts.toml"] => self.timeouts = parse(&file, problems),
            ["glossary.toml"] => self.glossary = parse(&file, problems),
            ["redirects.toml"] => self.redirects = parse(&file, problems),
            ["urls.lock"] => self.url_lock = Some(file),
            // What a build stopped while writing the lock left.
            [crate::project::LOCK_PART] => {}
            ["README.md"] => {}
            ["i18n", name] if name.ends_with(".toml") => match parse(&file, problems) {
                Some(strings) => {
                    self.strings
                        .insert(toml_stem(name).unwrap_or_default(), strings);
                }
                None => self.mark_broken(rel),
            },
            ["codes", name] if name.ends_with(".toml") => match parse(&file, problems) {
                Some(code) => self.codes.push(code),
                None => self.mark_broken(rel),
            },
            ["ranges", name] if name.ends_with(".toml") => {
                self.ranges.extend(parse(&file, problems))
            }
            ["comparisons", name] if name.ends_with(".toml") => {
                self.comparisons.extend(parse(&file, problems))
            }
            ["protocols", name] if name.ends_with(".toml") => {
                if let Some(protocol) = parse(&file, problems) {
                    self.protocols
                        .push((toml_stem(name).unwrap_or_default(), protocol));
                }
            }
            ["captured", name] if name.ends_with(".toml") => {
                self.captured.extend(parse(&file, problems))
            }
            _ => problems.push(unexpected(
                &file.path,
                "unexpected file in the content directory",
            )),
        }
    }

    /// Remembers a code or language whose file could not be read or parsed.
    fn mark_broken(&mut self, rel: &Path) {
        let parts: Vec<&str> = rel.iter().filter_map(|p| p.to_str()).collect();
        let stem = rel.file_stem().map(|s| s.to_string_lossy().into_owned());
        match (parts.first(), stem) {
            (Some(&"codes"), Some(stem)) => self.broken_codes.extend(stem.parse::<u16>().ok()),
            (Some(&"i18n"), Some(stem)) => {
                self.broken_languages.insert(stem);
            }
            _ => {}
        }
    }
}

/// A file or directory the layout has no place for.
fn unexpected(path: &Path, message: &str) -> Problem {
    Problem::at_file(path, message).with_hint(
        "content/ holds site.toml, libraries.toml, messages.toml, examples.toml, lookup.toml, timeouts.toml, glossary.toml, redirects.toml, urls.lock, \
         and TOML files under i18n/, codes/, ranges/, comparisons/, protocols/ and captured/",
    )
}

fn walk_problem(dir: &Path, err: &walkdir::Error) -> Problem {
    let path = err.path().unwrap_or(dir);
    match err.loop_ancestor() {
        Some(ancestor) => Problem::at_file(
            path,
            format!("symbolic link loop back to {}", ancestor.display()),
        )
        .with_hint("remove the link, or point it outside the content directory"),
        None => {
            let reason = err
                .io_error()
                .map_or_else(|| err.to_string(), |e| e.to_string());
            Problem::at_file(path, format!("cannot read: {reason}")).with_hint(
                "a symbolic link whose target is missing, or a file without read permission",
            )
        }
    }
}

/// Parses one TOML file into `T`, turning a parse error into a positioned
/// problem with a hint where one helps.
fn parse<T: DeserializeOwned>(
    file: &Arc<SourceFile>,
    problems: &mut Vec<Problem>,
) -> Option<Loaded<T>> {
    match toml::from_str::<T>(&file.text) {
        Ok(value) => Some(Loaded {
            file: Arc::clone(file),
            value,
        }),
        Err(err) => {
            problems.push(parse_problem(file, &err));
            None
        }
    }
}

/// Parses TOML text with no file behind it, for tests and tools.
pub fn parse_str<T: DeserializeOwned>(path: &str, text: &str) -> Result<T, Problem> {
    let file = SourceFile::new(Path::new(path), text.to_string());
    toml::from_str::<T>(text).map_err(|err| parse_problem(&file, &err))
}

fn parse_problem(file: &SourceFile, err: &toml::de::Error) -> Problem {
    let span = err.span().unwrap_or(0..0);
    let message = err.message().trim().to_string();
    let problem = file.problem(span, tidy_message(&message));
    match unknown_field_hint(&message) {
        Some(hint) => problem.with_hint(hint),
        None => problem,
    }
}

/// serde quotes names with backticks; the site's messages use double quotes.
fn tidy_message(message: &str) -> String {
    message.replace("`\"`", "'\"'").replace('`', "\"")
}

/// serde's message for an unknown field is ``unknown field `x`, expected one of
/// `a`, `b` ``: suggest the closest expected name.
fn unknown_field_hint(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (field, expected) = rest.split_once('`')?;
    let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    let best = candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(field, c), *c))
        .min()?;
    if best.0 <= field.len().max(3) / 2 {
        Some(format!("did you mean \"{}\"?", best.1))
    } else {
        Some(format!("expected one of: {}", candidates.join(", ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CODE: &str = include_str!("../../tests/fixtures/code_1008.toml");

    #[test]
    fn a_code_entry_parses_into_typed_facts() {
        let entry: CodeEntry = parse_str("1008.toml", CODE).expect("valid entry");
        assert_eq!(*entry.code.get_ref(), 1008);
        assert_eq!(entry.sent_by, crate::content::Sender::Server);
        assert_eq!(entry.reconnect, crate::content::Reconnect::AfterFix);
        assert_eq!(entry.related().collect::<Vec<_>>(), [1003]);
        let fix = entry.text.get_ref()["en"].get_ref().fix.as_ref();
        assert_eq!(fix.map(|f| f.get_ref().as_str()), Some("f"));
    }

    #[test]
    fn an_unknown_field_is_reported_at_its_key() {
        let text = CODE.replace("sendable", "sendabel");
        let problem = parse_str::<CodeEntry>("1008.toml", &text).expect_err("unknown field");
        assert_eq!((problem.line, problem.col), (5, 1));
        assert_eq!(problem.hint.as_deref(), Some("did you mean \"sendable\"?"));
    }

    #[test]
    fn a_wrong_type_is_reported_at_its_value() {
        let text = CODE.replace("sendable = true", "sendable = 1");
        let problem = parse_str::<CodeEntry>("1008.toml", &text).expect_err("wrong type");
        assert_eq!((problem.line, problem.col), (5, 12));
        assert!(
            problem.message.contains("expected a boolean"),
            "{}",
            problem.message
        );
    }

    #[test]
    fn an_unknown_sender_lists_the_allowed_ones() {
        let text = CODE.replace("\"server\"", "\"browser\"");
        let problem = parse_str::<CodeEntry>("1008.toml", &text).expect_err("bad enum");
        assert_eq!((problem.line, problem.col), (7, 11));
        assert!(problem.message.contains("nobody"), "{}", problem.message);
    }

    #[test]
    fn unknown_field_gets_a_did_you_mean_hint() {
        let hint = unknown_field_hint(
            "unknown field `descripton`, expected one of `summary`, `description`, `when`",
        );
        assert_eq!(hint.as_deref(), Some("did you mean \"description\"?"));
    }

    #[test]
    fn far_off_unknown_field_lists_the_expected_names() {
        let hint = unknown_field_hint("unknown field `zzzzzz`, expected one of `fix`, `when`");
        assert_eq!(hint.as_deref(), Some("expected one of: fix, when"));
    }
}
