//! The same synthetic site as a Hugo project, for the benchmark: a page per
//! code and language with the same prose, a page per comparison the generator
//! writes (each code against the one it names as related), the four ranges,
//! an index and a 404 page, through small templates; and, as the generator
//! writes them, each code as plain text and as JSON, and a sitemap. The
//! generator writes more besides (social images, lookup data, its assets):
//! 621 files against Hugo's 620 on 100 codes, larger by the images.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

const LAYOUT: &str = r#"<!doctype html><html lang="{{ .Site.Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title><link rel="canonical" href="{{ .Permalink }}">{{ range .Translations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">{{ end }}</head><body><header><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>"#;
const SINGLE: &str = r#"{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>{{ .Content }}{{ end }}"#;
const TEXT: &str = "{{ .Title }}\n\n{{ .Params.summary }}\n\n{{ .RawContent }}\n";
const JSON: &str =
    r#"{{ dict "title" .Title "summary" .Params.summary "text" .RawContent | jsonify }}"#;
const NOT_FOUND: &str = r#"{{ define "main" }}<h1>Not found</h1>{{ end }}"#;
const LIST: &str = r#"{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.summary }}</li>{{ end }}</ul>{{ end }}"#;

/// Writes `dir/hugo` from the closecodes content in `content`.
pub fn write_site(content: &Path, dir: &Path) -> io::Result<()> {
    let site = dir.join("hugo");
    let _ = fs::remove_dir_all(&site);
    write_config(&site)?;
    let mut codes = Vec::new();
    for entry in fs::read_dir(content.join("codes"))? {
        let text = fs::read_to_string(entry?.path())?;
        let table: toml::Table = toml::from_str(&text).map_err(io::Error::other)?;
        codes.push(table);
    }
    for lang in ["en", "ko"] {
        write_language(&site.join("content").join(lang), lang, &codes)?;
    }
    Ok(())
}

/// `hugo.toml` and the layouts.
fn write_config(site: &Path) -> io::Result<()> {
    fs::create_dir_all(site.join("layouts/_default"))?;
    fs::write(
        site.join("hugo.toml"),
        "baseURL = \"https://example.github.io/repo/\"\ntitle = \"Close codes\"\n\
         defaultContentLanguage = \"en\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\"]\n\
         [outputFormats.txt]\nmediaType = \"text/plain\"\nbaseName = \"index\"\nisPlainText = true\n\
         [languages.en]\ncontentDir = \"content/en\"\nweight = 1\n\
         [languages.ko]\ncontentDir = \"content/ko\"\nweight = 2\n",
    )?;
    fs::write(site.join("layouts/_default/baseof.html"), LAYOUT)?;
    fs::write(site.join("layouts/_default/single.html"), SINGLE)?;
    fs::write(site.join("layouts/_default/list.html"), LIST)?;
    fs::write(site.join("layouts/_default/single.txt.txt"), TEXT)?;
    fs::write(site.join("layouts/_default/single.json.json"), JSON)?;
    fs::write(site.join("layouts/404.html"), NOT_FOUND)
}

/// A prose field of a code in a language, or nothing.
fn field(t: &toml::Table, lang: &str, name: &str) -> String {
    t["text"][lang]
        .get(name)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string()
}

/// One language's pages: the index, the ranges, each code and each
/// comparison with a related code.
fn write_language(root: &Path, lang: &str, codes: &[toml::Table]) -> io::Result<()> {
    fs::create_dir_all(root.join("codes"))?;
    fs::create_dir_all(root.join("compare"))?;
    fs::create_dir_all(root.join("ranges"))?;
    fs::write(
        root.join("_index.md"),
        "---\ntitle: Close codes\n---\nEvery code.\n",
    )?;
    for (start, end) in [(0, 999), (1000, 2999), (3000, 3999), (4000, 4999)] {
        fs::write(
            root.join(format!("ranges/{start}-{end}.md")),
            format!("---\ntitle: \"{start}-{end}\"\n---\nThe range {start}-{end}.\n"),
        )?;
    }
    for code in codes {
        let number = code["code"].as_integer().unwrap_or(0);
        let name = code["name"].as_str().unwrap_or_default();
        // The generator writes /N.txt and /api/N.json once, not per language.
        let outputs = if lang == "en" {
            "outputs: [html, txt, json]\n"
        } else {
            ""
        };
        let mut page = format!(
            "---\ntitle: \"{number} {name}\"\nsummary: \"{}\"\n{outputs}---\n",
            field(code, lang, "summary").replace('"', "'")
        );
        for section in ["description", "when", "fix", "choose"] {
            let _ = write!(page, "\n## {section}\n\n{}\n", field(code, lang, section));
        }
        fs::write(root.join(format!("codes/{number}.md")), &page)?;
        let related = code.get("related").and_then(|r| r.as_array());
        for other in related.into_iter().flatten() {
            let other = other.as_integer().unwrap_or(0);
            let (a, b) = (other.min(number), other.max(number));
            fs::write(
                root.join(format!("compare/{a}-vs-{b}.md")),
                comparison(codes, lang, a, b),
            )?;
        }
    }
    Ok(())
}

/// A comparison page: both codes' sections one after the other.
fn comparison(codes: &[toml::Table], lang: &str, a: i64, b: i64) -> String {
    let mut compare = format!("---\ntitle: \"{a} vs {b}\"\n---\n");
    for side in [a, b] {
        if let Some(c) = codes.iter().find(|c| c["code"].as_integer() == Some(side)) {
            for section in ["summary", "description", "when", "fix"] {
                let _ = write!(
                    compare,
                    "\n## {side} {section}\n\n{}\n",
                    field(c, lang, section)
                );
            }
        }
    }
    compare
}
