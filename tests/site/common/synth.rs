//! Writes a synthetic content directory: the real site's languages, strings
//! and ranges, and N private codes (4000, 4001, ...) whose prose is generated.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

const EN_WORDS: &[&str] = &[
    "the",
    "server",
    "closes",
    "a",
    "connection",
    "when",
    "its",
    "session",
    "token",
    "expires",
    "and",
    "the",
    "client",
    "should",
    "refresh",
    "it",
    "before",
    "opening",
    "new",
    "socket",
    "proxy",
    "limits",
    "idle",
    "time",
    "so",
    "send",
    "pings",
    "every",
    "thirty",
    "seconds",
    "log",
    "reason",
    "with",
    "code",
    "check",
    "timeout",
    "retry",
    "after",
    "delay",
    "queue",
];
const KO_WORDS: &[&str] = &[
    "서버가",
    "연결을",
    "닫습니다",
    "세션",
    "토큰이",
    "만료되면",
    "클라이언트는",
    "새로",
    "발급받은",
    "뒤에",
    "다시",
    "연결합니다",
    "프록시가",
    "유휴",
    "시간을",
    "제한하므로",
    "주기적으로",
    "핑을",
    "보내야",
    "합니다",
    "로그에",
    "이유를",
    "남기고",
    "코드를",
    "확인하세요",
    "재시도는",
    "지연",
    "후에",
    "큐가",
    "가득",
    "차면",
    "요청을",
    "거절합니다",
    "설정값을",
    "늘리거나",
    "줄입니다",
];

/// A small deterministic generator, so two runs write the same site.
struct Words {
    state: u64,
}

impl Words {
    fn next(&mut self, n: usize) -> usize {
        self.state = self
            .state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.state >> 33) as usize) % n
    }

    /// Two paragraphs of about 40 words, with inline code and bold.
    fn paragraphs(&mut self, words: &[&str]) -> String {
        let mut out = String::new();
        for p in 0..2 {
            if p > 0 {
                out.push_str("\n\n");
            }
            for i in 0..40 {
                if i > 0 {
                    out.push(' ');
                }
                let word = words[self.next(words.len())];
                match i {
                    7 => write!(out, "`{word}_{}`", self.next(100)).unwrap_or(()),
                    19 => write!(out, "**{word}**").unwrap_or(()),
                    _ => out.push_str(word),
                }
            }
            out.push('.');
        }
        out
    }

    fn sentence(&mut self, words: &[&str]) -> String {
        let parts: Vec<&str> = (0..10).map(|_| words[self.next(words.len())]).collect();
        format!("{}.", parts.join(" "))
    }
}

/// Writes `n` private codes plus the site files into `dir/content`.
pub fn write_site(repo: &Path, n: u16, dir: &Path) -> io::Result<()> {
    let content = dir.join("content");
    if content.exists() {
        fs::remove_dir_all(&content)?;
    }
    for sub in ["codes", "ranges", "i18n"] {
        fs::create_dir_all(content.join(sub))?;
    }
    fs::write(
        content.join("site.toml"),
        "base_url = \"https://example.github.io/private-codes/\"\nlanguages = [\"en\", \"ko\"]\n",
    )?;
    for entry in fs::read_dir(repo.join("content/i18n"))? {
        let entry = entry?;
        fs::copy(entry.path(), content.join("i18n").join(entry.file_name()))?;
    }
    let mut words = Words { state: 42 };
    for (start, end) in [(0, 999), (1000, 2999), (3000, 3999), (4000, 4999)] {
        let mut text = format!(
            "start = {start}\nend = {end}\nreference = \"RFC 6455\"\n\
             source = \"https://www.rfc-editor.org/rfc/rfc6455.html#section-7.4.2\"\n"
        );
        for (lang, vocabulary) in [("en", EN_WORDS), ("ko", KO_WORDS)] {
            write!(
                text,
                "\n[text.{lang}]\ntitle = \"Range {start}-{end}\"\nsummary = \"{}\"\nbody = \"\"\"\n{}\n\"\"\"\n",
                words.sentence(vocabulary),
                words.paragraphs(vocabulary),
            )
            .unwrap_or(());
        }
        fs::write(
            content.join("ranges").join(format!("{start}-{end}.toml")),
            text,
        )?;
    }
    for i in 0..n {
        let code = 4000 + i;
        let mut text = format!(
            "code = {code}\nname = \"Private Code {i}\"\nreference = \"Team handbook\"\n\
             source = \"https://example.com/handbook/{code}\"\nsendable = true\nclose_method = true\n\
             sent_by = \"server\"\nreconnect = \"after-fix\"\n"
        );
        if i > 0 {
            writeln!(text, "related = [{}]", code - 1).unwrap_or(());
        }
        for (lang, vocabulary) in [("en", EN_WORDS), ("ko", KO_WORDS)] {
            write!(
                text,
                "\n[text.{lang}]\nsummary = \"{}\"\ndescription = \"\"\"\n{}\n\"\"\"\nwhen = \"\"\"\n{}\n\"\"\"\nfix = \"\"\"\n{}\n\"\"\"\nchoose = \"{}\"\n",
                words.sentence(vocabulary),
                words.paragraphs(vocabulary),
                words.paragraphs(vocabulary),
                words.paragraphs(vocabulary),
                words.sentence(vocabulary),
            )
            .unwrap_or(());
        }
        fs::write(content.join("codes").join(format!("{code}.toml")), text)?;
    }
    Ok(())
}

/// Copies a directory tree (the benchmark's copies of the real content and
/// the tests' scratch copies).
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let target = to.join(entry.path().strip_prefix(from).expect("prefix"));
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).expect("mkdir");
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}
