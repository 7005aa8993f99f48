//! What a page shows when it is shared: a 1200×630 image per code and
//! language (its number, name, one-line meaning and the site's name), and one
//! per language for every other page. Each is drawn as SVG and rasterised to
//! PNG with resvg, using fonts compiled into the binary (Noto Sans CJK KR,
//! cut down by `fonts/subset.sh`), so Korean renders on any machine.

use std::sync::Arc;

use resvg::{tiny_skia, usvg};
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

const REGULAR: &[u8] = include_bytes!("../fonts/NotoSansCJKkr-Regular.subset.otf");
const BOLD: &[u8] = include_bytes!("../fonts/NotoSansCJKkr-Bold.subset.otf");
const FAMILY: &str = "Noto Sans CJK KR";

/// The site's icon: a closing bracket pair on the accent colour.
pub const FAVICON: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0b5cad"/><path d="M12 8 6 16l6 8M20 8l6 8-6 8" fill="none" stroke="#fff" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round"/><path d="M14 13l4 6M18 13l-4 6" stroke="#fff" stroke-width="2.4" stroke-linecap="round"/></svg>"##;

/// What one image says.
pub struct Card {
    /// The big line: a code's number, or the site's name.
    pub headline: String,
    /// The code's name in the image's language; empty on the site's card.
    pub name: String,
    /// One line of meaning, wrapped to at most four lines.
    pub summary: String,
    /// The site's name, at the bottom; empty on the site's card.
    pub site: String,
}

impl Card {
    /// Everything the card writes.
    pub fn text(&self) -> String {
        [&self.headline, &self.name, &self.summary, &self.site]
            .map(String::as_str)
            .join(" ")
    }
}

/// The embedded fonts, loaded once per build.
pub struct Fonts {
    options: usvg::Options<'static>,
    /// A hash of the fonts and the renderer, part of every image's key.
    version: blake3::Hash,
}

impl Default for Fonts {
    fn default() -> Self {
        let mut db = usvg::fontdb::Database::new();
        for data in [REGULAR, BOLD] {
            db.load_font_source(usvg::fontdb::Source::Binary(Arc::new(data)));
        }
        db.set_sans_serif_family(FAMILY);
        let mut hasher = blake3::Hasher::new();
        hasher.update(REGULAR).update(BOLD).update(b"resvg 0.49");
        Fonts {
            options: usvg::Options {
                fontdb: Arc::new(db),
                ..usvg::Options::default()
            },
            version: hasher.finalize(),
        }
    }
}

impl Fonts {
    /// A key that changes whenever the image drawn from `svg` would: the
    /// build skips rendering an image whose key it has seen.
    pub fn key(&self, svg: &str) -> String {
        let mut hasher = blake3::Hasher::new();
        hasher
            .update(self.version.as_bytes())
            .update(svg.as_bytes());
        hasher.finalize().to_hex()[..16].to_string()
    }

    /// Rasterises an SVG drawn by [`svg`] to PNG.
    pub fn png(&self, svg: &str) -> Result<Vec<u8>, String> {
        self.pixmap(svg)?.encode_png().map_err(|e| e.to_string())
    }

    fn pixmap(&self, svg: &str) -> Result<tiny_skia::Pixmap, String> {
        let tree = usvg::Tree::from_str(svg, &self.options).map_err(|e| e.to_string())?;
        let mut pixmap = tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or("empty image")?;
        resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
        Ok(pixmap)
    }
}

/// Characters of `text` that the embedded fonts cannot draw.
pub fn missing_glyphs(text: &str) -> Vec<char> {
    let charmaps = [REGULAR, BOLD].map(|data| font(data).charmap());
    let mut missing: Vec<char> = text
        .chars()
        .filter(|c| !c.is_whitespace() && charmaps.iter().any(|map| map.map(*c).is_none()))
        .collect();
    missing.sort_unstable();
    missing.dedup();
    missing
}

fn font(data: &'static [u8]) -> skrifa::FontRef<'static> {
    skrifa::FontRef::new(data).expect("the embedded fonts are valid")
}

/// The image of a card as SVG.
pub fn svg(card: &Card) -> String {
    let mut out = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" font-family="{FAMILY}"><rect width="{WIDTH}" height="{HEIGHT}" fill="#0f1318"/><rect width="{WIDTH}" height="14" fill="#6cb6ff"/>"##
    );
    let (headline_size, mut y) = if card.name.is_empty() {
        (88.0, 280.0)
    } else {
        (180.0, 230.0)
    };
    for line in wrap(&card.headline, BOLD, headline_size, 1) {
        text(&mut out, &line, headline_size, y, "#6cb6ff", 700);
    }
    if !card.name.is_empty() {
        y += 100.0;
        for line in wrap(&card.name, BOLD, 64.0, 1) {
            text(&mut out, &line, 64.0, y, "#ffffff", 700);
        }
    }
    y += 80.0;
    for line in wrap(&card.summary, REGULAR, 38.0, 4) {
        text(&mut out, &line, 38.0, y, "#e6edf3", 400);
        y += 52.0;
    }
    if !card.site.is_empty() {
        text(&mut out, &card.site, 30.0, 585.0, "#9da7b1", 700);
    }
    out.push_str("</svg>");
    out
}

/// One line of text at the left margin.
fn text(out: &mut String, line: &str, size: f32, y: f32, fill: &str, weight: u16) {
    out.push_str(&format!(
        r#"<text x="80" y="{y}" font-size="{size}" font-weight="{weight}" fill="{fill}">{}</text>"#,
        escape(line)
    ));
}

/// Breaks `text` at spaces into lines that fit the image's width in the
/// font `data` at `size` px; past `max` lines the last one ends with "…".
fn wrap(text: &str, data: &'static [u8], size: f32, max: usize) -> Vec<String> {
    let face = font(data);
    let charmap = face.charmap();
    let metrics = face.glyph_metrics(Size::new(size), LocationRef::default());
    let width = |s: &str| -> f32 {
        s.chars()
            .map(|c| {
                charmap
                    .map(c)
                    .and_then(|g| metrics.advance_width(g))
                    .unwrap_or(size)
            })
            .sum()
    };
    let room = WIDTH as f32 - 160.0;
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if width(line) + width(" ") + width(word) <= room => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    if lines.len() > max {
        lines.truncate(max);
        let last = &mut lines[max - 1];
        while !last.is_empty() && width(last) + width(" …") > room {
            last.pop();
        }
        last.push_str(" …");
    }
    lines
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_summaries_wrap_within_the_image_and_stop_after_four_lines() {
        let long = "The connection ended without a Close frame. ".repeat(10);
        let lines = wrap(&long, REGULAR, 38.0, 4);
        assert_eq!(lines.len(), 4);
        assert!(lines[3].ends_with('…'));
        let short = wrap("Normal Closure", BOLD, 64.0, 1);
        assert_eq!(short, ["Normal Closure"]);
    }

    #[test]
    fn korean_and_latin_render_and_text_is_escaped() {
        let card = Card {
            headline: "1008".into(),
            name: "정책 위반".into(),
            summary: "규칙을 어긴 <메시지> & 더 구체적인 코드가 없을 때.".into(),
            site: "WebSocket 종료 코드".into(),
        };
        let drawn = svg(&card);
        assert!(drawn.contains("&lt;메시지&gt; &amp;"));
        assert!(missing_glyphs("정책 위반 Policy Violation – “ok” …").is_empty());
        assert_eq!(missing_glyphs("😀"), ['😀']);
        let fonts = Fonts::default();
        assert!(fonts.png(&drawn).expect("png").starts_with(b"\x89PNG"));
        // The Korean name is drawn: white pixels in its band (y 270..345),
        // and none when the name is blank.
        let white_in_name_band = |card: &Card| {
            let pixmap = fonts.pixmap(&svg(card)).expect("render");
            (270..345)
                .flat_map(|y| (80..600).map(move |x| (x, y)))
                .filter(|&(x, y)| {
                    pixmap
                        .pixel(x, y)
                        .is_some_and(|p| p.red() > 200 && p.blue() > 200 && p.green() > 200)
                })
                .count()
        };
        assert!(white_in_name_band(&card) > 500);
        assert_eq!(
            white_in_name_band(&Card {
                name: " ".into(),
                ..card
            }),
            0
        );
    }
}
