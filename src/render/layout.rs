//! What every page shares: language, titles, canonical and hreflang links,
//! the language switch and the asset URLs.

use crate::content::SiteSource;
use crate::load::strings::Strings;
use crate::model::catalog::{Catalog, Language};
use crate::model::pages::PageKind;

/// A link as templates receive it: ready to print.
#[derive(Debug, Clone)]
pub(crate) struct Link {
    pub href: String,
    pub label: String,
}

impl From<&SiteSource> for Link {
    fn from(source: &SiteSource) -> Self {
        Link {
            href: source.url.get_ref().clone(),
            label: source.label.clone(),
        }
    }
}

/// `<link rel="alternate" hreflang>` and the language switch.
#[derive(Debug, Clone)]
pub(crate) struct Alternate {
    pub lang: String,
    pub href: String,
    pub absolute: String,
    pub label: String,
    pub current: bool,
}

/// A page the header links from every page: the timeouts, the protocols.
#[derive(Debug, Clone)]
pub(crate) struct SectionLink {
    pub href: String,
    pub label: String,
    /// Whether the reader is on it (`aria-current="page"`).
    pub current: bool,
}

/// The head and frame of a page.
#[derive(Debug)]
pub(crate) struct Layout<'a> {
    pub lang: &'a str,
    pub strings: &'a Strings,
    pub title: String,
    pub description: String,
    pub canonical: String,
    /// One per language; empty on pages that have no other language.
    pub alternates: Vec<Alternate>,
    /// The page for readers whose language the site does not have.
    pub x_default: Option<Alternate>,
    pub home: String,
    /// The header's links to the site's other sections.
    pub sections: Vec<SectionLink>,
    pub css: String,
    /// The stylesheet for paper, linked with `media="print"`.
    pub print_css: String,
    pub favicon: String,
    pub js: String,
    /// The image shown when the page is shared (absolute) and its text.
    pub image: String,
    pub image_alt: String,
    /// Open Graph's locale of the page (`ko_KR`) and of its other languages.
    pub locale: &'a str,
    pub other_locales: Vec<String>,
    pub base_path: String,
    /// The specifications behind the site, for the footer.
    pub sources: Vec<Link>,
    /// The lookup's data for this language, which the header's search box
    /// loads when it is first used.
    pub lookup_data: String,
    /// Whether the header carries the search box: not on pages whose body
    /// has one.
    pub header_search: bool,
    pub repository: Option<String>,
    /// When a content page last changed, and where to edit it.
    pub trust: Option<super::trust::Trust>,
}

impl<'a> Layout<'a> {
    /// The frame of the page at `rel_of(lang)` in `language`.
    pub(crate) fn new(
        catalog: &Catalog,
        language: Language<'a>,
        title: String,
        description: String,
        rel_of: impl Fn(&str) -> String,
    ) -> Self {
        let urls = catalog.urls();
        let alternates: Vec<Alternate> = catalog
            .languages()
            .iter()
            .map(|l| {
                let rel = rel_of(l.code);
                Alternate {
                    lang: l.code.to_string(),
                    href: urls.href(&rel),
                    absolute: urls.absolute(&rel),
                    label: l.strings.language_name.clone(),
                    current: l.code == language.code,
                }
            })
            .collect();
        let default_rel = rel_of(catalog.default_lang());
        let x_default = Some(Alternate {
            lang: "x-default".to_string(),
            href: urls.href(&default_rel),
            absolute: urls.absolute(&default_rel),
            label: String::new(),
            current: false,
        });
        let sections = section_links(catalog, language, &rel_of(language.code));
        Layout {
            lang: language.code,
            strings: language.strings,
            title,
            description,
            canonical: urls.absolute(&rel_of(language.code)),
            alternates,
            x_default,
            home: urls.href(&urls.index(language.code)),
            sections,
            css: urls.href("style.css"),
            print_css: urls.href("print.css"),
            favicon: urls.href("favicon.svg"),
            js: urls.href("site.js"),
            image: urls.absolute(&urls.social_image(language.code, None)),
            image_alt: format!(
                "{}: {}",
                language.strings.site_title, language.strings.site_description
            ),
            locale: &language.strings.share.locale,
            other_locales: catalog
                .languages()
                .iter()
                .filter(|l| l.code != language.code)
                .map(|l| l.strings.share.locale.clone())
                .collect(),
            base_path: urls.base_path().to_string(),
            sources: catalog.sources().map(Link::from).collect(),
            lookup_data: urls.href(&format!("{}lookup.json", urls.lang_prefix(language.code))),
            header_search: true,
            repository: catalog.repository().map(str::to_string),
            trust: None,
        }
    }

    /// With the page's last change and edit link at its foot.
    pub(crate) fn with_trust(mut self, trust: Option<super::trust::Trust>) -> Self {
        self.trust = trust;
        self
    }

    /// For a page whose body has its own search box.
    pub(crate) fn without_header_search(mut self) -> Self {
        self.header_search = false;
        self
    }

    /// For a page that exists in one language only: no hreflang links and
    /// no language switch.
    pub(crate) fn without_alternates(mut self) -> Self {
        self.alternates.clear();
        self.x_default = None;
        self
    }
}

/// The header's links to the timeouts and the protocols' pages, where the
/// site has them; the one at `own` (the page's path) is marked current.
fn section_links(catalog: &Catalog, language: Language, own: &str) -> Vec<SectionLink> {
    let urls = catalog.urls();
    let strings = language.strings;
    let timeouts = strings
        .timeouts
        .as_ref()
        .filter(|_| catalog.timeouts().is_some());
    let protocols = strings
        .protocols
        .as_ref()
        .filter(|_| !catalog.protocols().is_empty());
    [
        (PageKind::Timeouts, timeouts.map(|w| &w.menu)),
        (PageKind::Protocols, protocols.map(|w| &w.menu)),
    ]
    .into_iter()
    .filter_map(|(kind, label)| {
        let rel = urls.page(language.code, kind);
        Some(SectionLink {
            href: urls.href(&rel),
            label: label?.clone(),
            current: rel == own,
        })
    })
    .collect()
}
