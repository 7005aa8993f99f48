//! How the full-text index and the browser's query cut text into terms:
//! `static/js/site-search.js` follows these rules one for one, and a test of
//! the site's scripts checks that both cut every snippet alike.

/// The terms of a text, as the index holds them and the browser's query is
/// cut: lower case; a term is a run of letters, digits and `_` (so
/// `proxy_read_timeout` is one), and a dotted or hyphenated name is one as
/// well as its parts; a term is split where Latin meets Hangul
/// (`WebSocket을`); a Hangul word is its stem, without a trailing particle
/// or ending (`재연결을`, `재연결하세요` are `재연결`), and the browser
/// searches Hangul terms as prefixes; one Hangul syllable after another
/// script is a particle and no term (`WebSocket을`), but one standing alone
/// is a word (`핑`).
pub(crate) fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let lower = text.to_lowercase();
    for chunk in lower.split_whitespace() {
        for word in chunk.split(|c: char| !is_word(c)) {
            for part in split_scripts(word) {
                let particle = part != word && is_hangul(part) && part.chars().count() < 2;
                if part.is_empty() || particle {
                    continue;
                }
                out.push(korean_stem(part).unwrap_or(part).to_string());
            }
        }
        if let Some(compound) = compound(chunk) {
            out.push(compound.to_string());
        }
    }
    out
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A name written with dots or hyphens (`socket.io`, `sec-websocket-protocol`,
/// `discord.js`) is also a term of its own, so that a search for it finds it
/// before the pages that have only its parts.
fn compound(chunk: &str) -> Option<&str> {
    let name = chunk.trim_matches(|c: char| !is_word(c));
    let joined = name.contains(['.', '-'])
        && name.chars().all(|c| is_word(c) || c == '.' || c == '-')
        && !is_hangul(name)
        && name.split(['.', '-']).all(|p| !p.is_empty());
    joined.then_some(name)
}

fn is_hangul(word: &str) -> bool {
    word.chars().any(|c| ('\u{ac00}'..='\u{d7a3}').contains(&c))
}

/// `WebSocket을` as `websocket` and `을`: a word that changes between Hangul
/// and another script is two.
fn split_scripts(word: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut last: Option<bool> = None;
    for (i, c) in word.char_indices() {
        let hangul = ('\u{ac00}'..='\u{d7a3}').contains(&c);
        if last.is_some_and(|l| l != hangul) {
            parts.push(&word[start..i]);
            start = i;
        }
        last = Some(hangul);
    }
    parts.push(&word[start..]);
    parts
}

/// Particles and endings a Korean word carries, longest first; the same
/// list is in `static/js/site-search.js`.
pub(crate) const KOREAN_ENDINGS: [&str; 42] = [
    "했습니다",
    "합니다",
    "하세요",
    "됩니다",
    "에서는",
    "에서도",
    "으로는",
    "으로도",
    "까지는",
    "부터는",
    "하려면",
    "하는",
    "하면",
    "해야",
    "되는",
    "되면",
    "에서",
    "으로",
    "에게",
    "까지",
    "부터",
    "처럼",
    "보다",
    "이나",
    "에는",
    "에도",
    "이며",
    "이고",
    "하고",
    "의",
    "을",
    "를",
    "이",
    "가",
    "은",
    "는",
    "에",
    "와",
    "과",
    "도",
    "로",
    "만",
];

/// A Hangul word without its particle or ending, when two syllables or more
/// remain.
fn korean_stem(word: &str) -> Option<&str> {
    if !is_hangul(word) {
        return None;
    }
    KOREAN_ENDINGS.iter().find_map(|ending| {
        let stem = word.strip_suffix(ending)?;
        (stem.chars().count() >= 2).then_some(stem)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_stay_whole_and_korean_words_give_their_stems() {
        assert_eq!(
            terms("proxy_read_timeout ECONNRESET"),
            ["proxy_read_timeout", "econnreset"]
        );
        assert_eq!(terms("(Socket.IO)."), ["socket", "io", "socket.io"]);
        assert_eq!(terms("WebSocket을 재연결하세요"), ["websocket", "재연결"]);
        assert_eq!(terms("재연결을 재연결"), ["재연결", "재연결"]);
        // 정상 is not cut from 비정상; a syllable after Latin is a particle,
        // one alone a word.
        assert_eq!(
            terms("비정상 종료 핑 1006은"),
            ["비정상", "종료", "핑", "1006"]
        );
    }
}
