//! The project a command works on, resolved before anything is read: where
//! the content, templates and static files are, where the site goes, and the
//! base URL the command line asked for.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The URL lock, in `content/`: every URL the site has published.
pub const LOCK_FILE: &str = "urls.lock";

/// The new URL lock while it is written, renamed to [`LOCK_FILE`] once whole.
pub const LOCK_PART: &str = ".urls.lock.part";

/// The address the site is published at: scheme and host, and a path that
/// starts and ends with `/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    /// Scheme and host, such as `https://owner.github.io`.
    origin: String,
    /// Always starts and ends with `/`: `/repo/`.
    path: String,
}

impl BaseUrl {
    /// Scheme and host: `https://owner.github.io`.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The path, starting and ending with `/`: `/repo/`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// `url` must be absolute (`https://host/` or `https://host/sub/path/`).
    pub fn parse(url: &str) -> std::result::Result<Self, String> {
        let (scheme, rest) = url
            .split_once("://")
            .ok_or_else(|| format!("base URL \"{url}\" is not absolute"))?;
        if scheme != "http" && scheme != "https" {
            return Err(format!(
                "base URL \"{url}\" must start with http:// or https://"
            ));
        }
        let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
        if host.is_empty() || path.contains(['?', '#']) {
            return Err(format!(
                "base URL \"{url}\" needs a host and no query or fragment"
            ));
        }
        let path = path.trim_end_matches('/');
        Ok(BaseUrl {
            origin: format!("{scheme}://{host}"),
            path: if path.is_empty() {
                "/".to_string()
            } else {
                format!("/{path}/")
            },
        })
    }
}

/// Where to read the content and write the site.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub content: PathBuf,
    pub out: PathBuf,
    /// Overrides `base_url` of `site.toml`.
    pub base_url: Option<String>,
}

/// The directories of a project and the command line's settings, checked.
#[derive(Debug, Clone)]
pub struct Project {
    /// The parent of `content/`: the build never writes here.
    pub root: PathBuf,
    pub content: PathBuf,
    pub templates: PathBuf,
    pub static_dir: PathBuf,
    pub out: PathBuf,
    /// `content/urls.lock`.
    pub lock_file: PathBuf,
    /// From `--base-url`; `site.toml`'s applies when absent.
    pub base_url: Option<BaseUrl>,
}

impl Project {
    /// Resolves `options`; a base URL that is not absolute is a command-line
    /// error, reported before any content is read.
    pub fn new(options: &BuildOptions) -> Result<Project> {
        let base_url = options
            .base_url
            .as_deref()
            .map(BaseUrl::parse)
            .transpose()
            .map_err(|message| Error::Usage(format!("--base-url: {message}")))?;
        Ok(Project::at(&options.content, &options.out, base_url))
    }

    /// The project whose content is `content`: its parent is the root, and
    /// `templates/` and `static/` sit next to it.
    pub fn at(content: &Path, out: &Path, base_url: Option<BaseUrl>) -> Project {
        let root = std::path::absolute(content)
            .ok()
            .and_then(|c| c.parent().map(Path::to_path_buf))
            .unwrap_or_else(|| PathBuf::from("."));
        Project {
            templates: root.join("templates"),
            static_dir: root.join("static"),
            lock_file: content.join(LOCK_FILE),
            content: content.to_path_buf(),
            out: out.to_path_buf(),
            base_url,
            root,
        }
    }

    /// The directories the build reads and must never write into.
    pub fn sources(&self) -> [PathBuf; 3] {
        [
            self.content.clone(),
            self.templates.clone(),
            self.static_dir.clone(),
        ]
    }
}
