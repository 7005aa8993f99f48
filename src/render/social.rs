//! What a page shows when it is shared: a 1200×630 image per code and
//! language (its number, name, one-line meaning and the site's name), one
//! per hand-written comparison and language (the pair, the two names and
//! the verdict), and one per language for every other page. Each is a few lines of text on a plain
//! background: the glyphs are rasterised with ab_glyph from fonts compiled
//! into the binary (Noto Sans CJK KR, cut down by `fonts/subset.sh`), so
//! Korean renders on any machine, and the pixels are encoded with `png`.

use ab_glyph::{Font, FontRef, PxScale, ScaleFont, point};

use crate::model::catalog::Catalog;
use crate::model::ranges;

pub(crate) const WIDTH: u32 = 1200;
pub(crate) const HEIGHT: u32 = 630;

const REGULAR: &[u8] = include_bytes!("../../fonts/NotoSansCJKkr-Regular.subset.otf");
const BOLD: &[u8] = include_bytes!("../../fonts/NotoSansCJKkr-Bold.subset.otf");

/// The left and right margin, in pixels.
const MARGIN: f32 = 80.0;
/// The width a line of text may take.
const ROOM: f32 = WIDTH as f32 - 2.0 * MARGIN;

/// The image's colours, as RGB.
const BACKGROUND: [u8; 3] = [0x0f, 0x13, 0x18];
const ACCENT: [u8; 3] = [0x6c, 0xb6, 0xff];
const WHITE: [u8; 3] = [0xff, 0xff, 0xff];
const TEXT: [u8; 3] = [0xe6, 0xed, 0xf3];
const MUTED: [u8; 3] = [0x9d, 0xa7, 0xb1];

/// What one image says.
pub(crate) struct Card {
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
    pub(crate) fn text(&self) -> String {
        [&self.headline, &self.name, &self.summary, &self.site]
            .map(String::as_str)
            .join(" ")
    }
}

/// The card of every page that has its own image, with the image's path:
/// one per registered code and language, one per hand-written comparison
/// and language, and the site's own per language.
/// Private codes share the site's image: thousands of them would each cost
/// a drawing for a page few people share.
pub(crate) fn cards(catalog: &Catalog) -> Vec<(String, Card)> {
    let urls = catalog.urls();
    let mut cards = Vec::new();
    for language in catalog.languages() {
        let t = language.strings;
        let site = Card {
            headline: t.site_title.clone(),
            name: String::new(),
            summary: t.site_description.clone(),
            site: String::new(),
        };
        cards.push((urls.social_image(language.code, None), site));
        let registered = catalog
            .codes()
            .iter()
            .filter(|(c, _)| ranges::is_registered(**c));
        for (&code, entry) in registered {
            let card = Card {
                headline: code.to_string(),
                name: entry.local_name(language.code).to_string(),
                summary: super::summary_text(catalog, code, language.code),
                site: t.site_title.clone(),
            };
            cards.push((urls.social_image(language.code, Some(code)), card));
        }
        for &(a, b) in catalog.comparisons().keys() {
            let card = comparison_card(catalog, language.code, a, b);
            cards.push((urls.compare_image(language.code, a, b), card));
        }
    }
    cards
}

/// A hand-written comparison's card: "1002 vs 1008", the two names, and
/// the verdict that opens the page.
pub(crate) fn comparison_card(catalog: &Catalog, lang: &str, a: u16, b: u16) -> Card {
    let t = catalog.language(lang).strings;
    let entry = catalog.comparisons()[&(a, b)];
    let protocol = entry.protocol.as_ref().map(|p| p.get_ref().as_str());
    let name = |code: u16| match catalog.codes().get(&code) {
        Some(entry) => entry.local_name(lang).to_string(),
        None => catalog
            .use_of(code, protocol)
            .map(|u| u.code.name.clone())
            .unwrap_or_default(),
    };
    let verdict = catalog
        .text(entry.text.get_ref(), lang, |t| t.verdict.as_ref())
        .map(|v| crate::text::markdown::to_plain(v.text))
        .unwrap_or_default();
    Card {
        headline: t.compare.title.fill(&crate::load::pattern::Pair {
            a: &a.to_string(),
            b: &b.to_string(),
            a_name: "",
            b_name: "",
        }),
        name: format!("{} · {}", name(a), name(b)),
        summary: verdict,
        site: t.site_title.clone(),
    }
}

/// The embedded fonts, read once per build.
pub(crate) struct Fonts {
    regular: FontRef<'static>,
    bold: FontRef<'static>,
    /// A hash of the fonts and the drawing, part of every image's key.
    version: blake3::Hash,
}

impl Default for Fonts {
    fn default() -> Self {
        let mut hasher = blake3::Hasher::new();
        hasher
            .update(REGULAR)
            .update(BOLD)
            .update(b"ab_glyph 0.2, png 0.18 fast, layout 3");
        Fonts {
            regular: font(REGULAR),
            bold: font(BOLD),
            version: hasher.finalize(),
        }
    }
}

impl Fonts {
    /// A key that changes whenever the image of `card` would: the build
    /// skips drawing an image whose key it has seen.
    pub(crate) fn key(&self, card: &Card) -> String {
        let mut hasher = blake3::Hasher::new();
        hasher.update(self.version.as_bytes());
        for field in [&card.headline, &card.name, &card.summary, &card.site] {
            hasher.update(field.as_bytes()).update(b"\0");
        }
        hasher.finalize().to_hex()[..16].to_string()
    }

    /// Characters of `text` that the embedded fonts cannot draw.
    pub(crate) fn missing_glyphs(&self, text: &str) -> Vec<char> {
        let fonts = [&self.regular, &self.bold];
        let mut missing: Vec<char> = text
            .chars()
            .filter(|c| !c.is_whitespace() && fonts.iter().any(|f| f.glyph_id(*c).0 == 0))
            .collect();
        missing.sort_unstable();
        missing.dedup();
        missing
    }

    /// The image of `card` as PNG.
    pub(crate) fn png(&self, card: &Card) -> Result<Vec<u8>, String> {
        self.draw(card).png()
    }

    fn draw(&self, card: &Card) -> Canvas {
        let mut canvas = Canvas::new(BACKGROUND);
        canvas.fill_rect(0, 0, WIDTH, 14, ACCENT);
        // A code's number is set large; a longer headline ("1002 vs 1008")
        // as large as fits on one line.
        let (headline_size, mut y) = if card.name.is_empty() {
            (88.0, 280.0)
        } else {
            let size = fitting(&card.headline, &self.bold, 180.0);
            (size, if size < 180.0 { 200.0 } else { 230.0 })
        };
        for line in wrap(&card.headline, &self.bold, headline_size, 1) {
            canvas.text(&self.bold, headline_size, y, ACCENT, &line);
        }
        if !card.name.is_empty() {
            let size = fitting(&card.name, &self.bold, 64.0).max(40.0);
            y += 100.0 * size / 64.0;
            for line in wrap(&card.name, &self.bold, size, 1) {
                canvas.text(&self.bold, size, y, WHITE, &line);
            }
        }
        y += 80.0;
        for line in wrap(&card.summary, &self.regular, 38.0, 4) {
            canvas.text(&self.regular, 38.0, y, TEXT, &line);
            y += 52.0;
        }
        if !card.site.is_empty() {
            canvas.text(&self.bold, 30.0, 585.0, MUTED, &card.site);
        }
        canvas
    }
}

/// The largest size up to `size` at which `text` fits on one line.
fn fitting(text: &str, font: &FontRef, size: f32) -> f32 {
    size.min(100.0 * ROOM / text_width(text, font, 100.0).max(1.0))
        .floor()
}

/// How wide `text` is set in `font` at `size`, in pixels.
fn text_width(text: &str, font: &FontRef, size: f32) -> f32 {
    let scaled = font.as_scaled(scale(font, size));
    text.chars()
        .map(|c| scaled.h_advance(scaled.glyph_id(c)))
        .sum()
}

fn font(data: &'static [u8]) -> FontRef<'static> {
    FontRef::try_from_slice(data).expect("the embedded fonts are valid")
}

/// The font's scale for a size in pixels per em, as CSS and SVG mean it.
fn scale(font: &FontRef, size: f32) -> PxScale {
    PxScale::from(size * font.height_unscaled() / font.units_per_em().unwrap_or(1000.0))
}

/// Breaks `text` at spaces into lines that fit the image's width in `font`
/// at `size` px; past `max` lines the last one ends with "…".
fn wrap(text: &str, font: &FontRef, size: f32, max: usize) -> Vec<String> {
    let width = |s: &str| text_width(s, font, size);
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if width(line) + width(" ") + width(word) <= ROOM => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    if lines.len() > max {
        lines.truncate(max);
        let last = &mut lines[max - 1];
        while !last.is_empty() && width(last) + width(" …") > ROOM {
            last.pop();
        }
        last.push_str(" …");
    }
    lines
}

/// An RGB image being drawn.
struct Canvas {
    pixels: Vec<u8>,
}

impl Canvas {
    fn new(colour: [u8; 3]) -> Canvas {
        Canvas {
            pixels: colour.repeat((WIDTH * HEIGHT) as usize),
        }
    }

    fn fill_rect(&mut self, x: u32, y: u32, width: u32, height: u32, colour: [u8; 3]) {
        for row in y..(y + height).min(HEIGHT) {
            for column in x..(x + width).min(WIDTH) {
                self.blend(column as i32, row as i32, colour, 1.0);
            }
        }
    }

    /// Lays colour over the pixel at `x`, `y` with `coverage` from 0 to 1.
    fn blend(&mut self, x: i32, y: i32, colour: [u8; 3], coverage: f32) {
        if !(0..WIDTH as i32).contains(&x) || !(0..HEIGHT as i32).contains(&y) {
            return;
        }
        // In 256ths: most pixels a glyph's box covers are empty.
        let alpha = (coverage.clamp(0.0, 1.0) * 256.0) as u32;
        if alpha == 0 {
            return;
        }
        let at = (y as u32 * WIDTH + x as u32) as usize * 3;
        for (pixel, colour) in self.pixels[at..at + 3].iter_mut().zip(colour) {
            let mixed = u32::from(*pixel) * (256 - alpha) + u32::from(colour) * alpha;
            *pixel = (mixed >> 8) as u8;
        }
    }

    /// One line of text at the left margin, its baseline at `baseline`.
    fn text(&mut self, font: &FontRef, size: f32, baseline: f32, colour: [u8; 3], line: &str) {
        let scale = scale(font, size);
        let scaled = font.as_scaled(scale);
        let mut caret = MARGIN;
        let mut previous = None;
        for c in line.chars() {
            let id = scaled.glyph_id(c);
            if let Some(previous) = previous {
                caret += scaled.kern(previous, id);
            }
            previous = Some(id);
            let glyph = id.with_scale_and_position(scale, point(caret, baseline));
            caret += scaled.h_advance(id);
            if let Some(outlined) = font.outline_glyph(glyph) {
                let bounds = outlined.px_bounds();
                outlined.draw(|x, y, coverage| {
                    let (x, y) = (
                        bounds.min.x as i32 + x as i32,
                        bounds.min.y as i32 + y as i32,
                    );
                    self.blend(x, y, colour, coverage);
                });
            }
        }
    }

    #[cfg(test)]
    fn pixel(&self, x: u32, y: u32) -> [u8; 3] {
        let at = (y * WIDTH + x) as usize * 3;
        [self.pixels[at], self.pixels[at + 1], self.pixels[at + 2]]
    }

    fn png(&self) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, WIDTH, HEIGHT);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Fast);
        let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
        writer
            .write_image_data(&self.pixels)
            .map_err(|e| e.to_string())?;
        writer.finish().map_err(|e| e.to_string())?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_summaries_wrap_within_the_image_and_stop_after_four_lines() {
        let fonts = Fonts::default();
        let long = "The connection ended without a Close frame. ".repeat(10);
        let lines = wrap(&long, &fonts.regular, 38.0, 4);
        assert_eq!(lines.len(), 4);
        assert!(lines[3].ends_with('…'));
        let short = wrap("Normal Closure", &fonts.bold, 64.0, 1);
        assert_eq!(short, ["Normal Closure"]);
    }

    #[test]
    fn korean_and_latin_are_drawn_where_the_card_puts_them() {
        let card = Card {
            headline: "1008".into(),
            name: "정책 위반".into(),
            summary: "규칙을 어긴 <메시지> & 더 구체적인 코드가 없을 때.".into(),
            site: "WebSocket 종료 코드".into(),
        };
        let fonts = Fonts::default();
        assert!(
            fonts
                .missing_glyphs("정책 위반 Policy Violation – “ok” …")
                .is_empty()
        );
        assert_eq!(fonts.missing_glyphs("😀"), ['😀']);
        assert!(fonts.png(&card).expect("png").starts_with(b"\x89PNG"));
        // The Korean name is drawn: white pixels in its band (y 270..345),
        // and none when the name is blank.
        let white_in_name_band = |card: &Card| {
            let canvas = fonts.draw(card);
            (270..345)
                .flat_map(|y| (80..600).map(move |x| (x, y)))
                .filter(|&(x, y)| canvas.pixel(x, y).iter().all(|&c| c > 200))
                .count()
        };
        assert!(white_in_name_band(&card) > 500);
        let blank = Card {
            name: " ".into(),
            ..card
        };
        assert_eq!(white_in_name_band(&blank), 0);
        // A different name is a different key.
        let key = fonts.key(&blank);
        let other = Card {
            name: "메시지 너무 큼".into(),
            ..blank
        };
        assert_ne!(fonts.key(&other), key);
    }
}
