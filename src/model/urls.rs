//! Every URL of the site comes from here: the spec's paths, the language
//! prefix and the base URL's sub-path, so no template builds a URL by hand.

use crate::model::pages::PageKind;
use crate::project::BaseUrl;

/// Knows the base URL and the languages, and turns pages into URLs.
#[derive(Debug, Clone)]
pub struct Urls {
    base: BaseUrl,
    default_lang: String,
}

impl Urls {
    pub fn with_base(base: BaseUrl, default_lang: &str) -> Self {
        Urls {
            base,
            default_lang: default_lang.to_string(),
        }
    }

    /// `base_url` must be absolute (`https://host/` or `https://host/sub/path/`).
    pub fn new(base_url: &str, default_lang: &str) -> Result<Self, String> {
        Ok(Self::with_base(BaseUrl::parse(base_url)?, default_lang))
    }

    pub fn base_path(&self) -> &str {
        self.base.path()
    }

    /// The path of a page from the server root: what links use.
    pub fn href(&self, rel: &str) -> String {
        format!("{}{rel}", self.base.path())
    }

    /// The full URL: what canonical links, hreflang, the sitemap and JSON use.
    pub fn absolute(&self, rel: &str) -> String {
        format!("{}{}{rel}", self.base.origin(), self.base.path())
    }

    /// `""` for the default language, `ko/` for the others.
    pub fn lang_prefix(&self, lang: &str) -> String {
        if lang == self.default_lang {
            String::new()
        } else {
            format!("{lang}/")
        }
    }

    pub fn index(&self, lang: &str) -> String {
        self.lang_prefix(lang)
    }

    pub fn code(&self, lang: &str, code: u16) -> String {
        format!("{}{code}/", self.lang_prefix(lang))
    }

    /// The canonical comparison page: the lower code always comes first.
    pub fn compare(&self, lang: &str, a: u16, b: u16) -> String {
        let (low, high) = if a <= b { (a, b) } else { (b, a) };
        format!("{}{low}-vs-{high}/", self.lang_prefix(lang))
    }

    /// The comparison in the other order, which redirects to [`Urls::compare`].
    pub fn reverse_compare(&self, lang: &str, a: u16, b: u16) -> String {
        let (low, high) = if a <= b { (a, b) } else { (b, a) };
        format!("{}{high}-vs-{low}/", self.lang_prefix(lang))
    }

    pub fn range(&self, lang: &str, start: u16, end: u16) -> String {
        format!("{}{start}-{end}/", self.lang_prefix(lang))
    }

    /// The image a page shows when shared: a code's own, or the site's
    /// (`code` `None`).
    pub fn social_image(&self, lang: &str, code: Option<u16>) -> String {
        let name = code.map_or_else(|| "site".to_string(), |c| c.to_string());
        format!("og/{}{name}.png", self.lang_prefix(lang))
    }

    /// The image a hand-written comparison shows when shared.
    pub fn compare_image(&self, lang: &str, a: u16, b: u16) -> String {
        format!("og/{}{a}-vs-{b}.png", self.lang_prefix(lang))
    }

    /// The path of any page of the site in a language.
    pub fn page(&self, lang: &str, kind: PageKind) -> String {
        match kind {
            PageKind::Index => self.index(lang),
            PageKind::Code(code) | PageKind::Number(code) => self.code(lang, code),
            PageKind::Compare(a, b) => self.compare(lang, a, b),
            PageKind::Range(start, end) => self.range(lang, start, end),
            PageKind::Timeouts => format!("{}timeouts/", self.lang_prefix(lang)),
            PageKind::Protocols => format!("{}protocols/", self.lang_prefix(lang)),
            PageKind::Protocol(slug) => format!("{}protocols/{slug}/", self.lang_prefix(lang)),
        }
    }

    /// Rewrites a site path written in content (`/1008/#fix`) for a language.
    pub fn content_link(&self, lang: &str, path: &str) -> String {
        self.href(&format!(
            "{}{}",
            self.lang_prefix(lang),
            path.trim_start_matches('/')
        ))
    }
}

/// The file a page is written to, relative to the output directory.
pub fn file_for(rel: &str) -> String {
    if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_path_base_urls_keep_their_path() {
        let urls = Urls::new("https://owner.github.io/repo", "en").expect("valid");
        assert_eq!(urls.href(&urls.code("ko", 1008)), "/repo/ko/1008/");
        assert_eq!(
            urls.absolute(&urls.code("en", 1008)),
            "https://owner.github.io/repo/1008/"
        );
    }

    #[test]
    fn comparisons_put_the_lower_code_first() {
        let urls = Urls::new("https://h/", "en").expect("valid");
        assert_eq!(urls.compare("en", 1008, 1002), "1002-vs-1008/");
    }

    #[test]
    fn relative_base_urls_are_refused() {
        assert!(Urls::new("/repo/", "en").is_err());
        assert!(Urls::new("ftp://h/", "en").is_err());
    }
}
