//! `closecodes serve`: builds the site, serves it on loopback, rebuilds when
//! `content/` or `static/` change and reloads the open page. A content error
//! is shown over the page; the last good site stays served.

use std::net::{IpAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::thread;
use std::time::Duration;

use closecodes::serve::http::{self, Limits, Request, Response};
use closecodes::serve::static_files::{answer, content_type, url_path};
use closecodes::{BuildOptions, Error, LOCK_FILE, LOCK_PART, Project, Result, build};
use notify::event::{EventKind, ModifyKind};
use notify::{RecursiveMode, Watcher};

/// Where the live-reload script asks for the build's state.
const STATUS_PATH: &str = "/__closecodes/status";

/// Polls the status, reloads on a new build, shows a failed build's errors.
const RELOAD_JS: &str = include_str!("reload.js");
/// Where pages load it from: a file of the site's own origin, as the pages'
/// content security policy asks of every script.
const RELOAD_PATH: &str = "/__closecodes/reload.js";

/// How long the files must be quiet before a rebuild: an editor's save is
/// often several writes and a rename.
const QUIET: Duration = Duration::from_millis(50);

/// How long a status request waits for the next build before it answers
/// anyway: the page learns of a build the moment it ends.
const LONG_POLL: Duration = Duration::from_secs(25);

pub(crate) struct ServeOptions {
    pub content: PathBuf,
    pub out: PathBuf,
    pub host: IpAddr,
    pub port: u16,
}

/// The build the browser sees: a counter that moves on every good build, and
/// the errors of the last build if it failed. `builds` counts every build,
/// good or not, and wakes the status requests waiting for the next one.
#[derive(Default)]
struct State {
    version: AtomicU64,
    error: Mutex<Option<String>>,
    builds: Mutex<u64>,
    built: Condvar,
}

impl State {
    fn rebuild(&self, options: &BuildOptions) {
        match build(options) {
            Ok(report) => {
                let c = &report.changes;
                println!(
                    "rebuilt in {} ms: {} added, {} removed, {} changed",
                    report.elapsed.as_millis(),
                    c.added,
                    c.removed,
                    c.changed
                );
                *self.error.lock().unwrap_or_else(|p| p.into_inner()) = None;
                self.version.fetch_add(1, Ordering::SeqCst);
            }
            Err(err) => {
                eprintln!("{err}\n(the last good site is still served)");
                *self.error.lock().unwrap_or_else(|p| p.into_inner()) = Some(err.to_string());
            }
        }
        *self.builds.lock().unwrap_or_else(|p| p.into_inner()) += 1;
        self.built.notify_all();
    }

    /// The state, once a build after `seen` has ended (or at once, without
    /// `seen`, or after [`LONG_POLL`]).
    fn status_json(&self, seen: Option<u64>) -> String {
        let mut builds = self.builds.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(seen) = seen {
            (builds, _) = self
                .built
                .wait_timeout_while(builds, LONG_POLL, |b| *b == seen)
                .unwrap_or_else(|p| p.into_inner());
        }
        let build = *builds;
        drop(builds);
        let error = self.error.lock().unwrap_or_else(|p| p.into_inner()).clone();
        serde_json::json!({
            "version": self.version.load(Ordering::SeqCst),
            "build": build,
            "error": error
        })
        .to_string()
    }
}

/// Builds, serves and watches until the process is stopped.
pub(crate) fn serve(options: &ServeOptions) -> Result<()> {
    let addr = format!("{}:{}", display_host(options.host), options.port);
    let listener =
        TcpListener::bind((options.host, options.port)).map_err(|source| Error::Serve {
            addr,
            source: Box::new(source),
        })?;
    let port = listener.local_addr().map_or(options.port, |a| a.port());
    let build_options = BuildOptions {
        content: options.content.clone(),
        out: options.out.clone(),
        base_url: Some(format!("http://{}:{port}/", display_host(options.host))),
    };
    let project = Project::new(&build_options)?;
    let state = Arc::new(State::default());
    state.rebuild(&build_options);
    if !options.out.join("index.html").is_file() {
        return Err(Error::Usage(format!(
            "{}: no site to serve: fix the content and run serve again",
            options.out.display()
        )));
    }
    let _watcher = watch(&project, Arc::clone(&state), build_options)?;

    println!(
        "serving {} at http://{}:{port}/ (Ctrl-C to stop)",
        options.out.display(),
        display_host(options.host)
    );
    let script = RELOAD_JS.replace("STATUS_PATH", STATUS_PATH);
    let out = options.out.clone();
    http::run(listener, Limits::default(), move |request| {
        // The output is a link that each build moves: follow it per request.
        match std::fs::canonicalize(&out) {
            Ok(out) => respond(request, &out, &state, &script),
            Err(err) => Response::text(500, format!("{}: {err}", out.display())),
        }
    });
    Ok(())
}

/// Rebuilds after each burst of edits under `content/` and `static/`. Only
/// writes, creations, removals and renames count: the build itself opens
/// and reads every file, and must not set off another build.
fn watch(
    project: &Project,
    state: Arc<State>,
    options: BuildOptions,
) -> Result<notify::RecommendedWatcher> {
    let (edits, edited) = mpsc::channel::<PathBuf>();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && is_edit(event.kind)
        {
            for path in event.paths {
                let _ = edits.send(path);
            }
        }
    })
    .map_err(|err| watch_error(&project.content, err))?;
    for dir in [&project.content, &project.static_dir, &project.templates] {
        if dir.is_dir() {
            watcher
                .watch(dir, RecursiveMode::Recursive)
                .map_err(|err| watch_error(dir, err))?;
        }
    }
    let templates = std::fs::canonicalize(&project.templates).unwrap_or(project.templates.clone());
    thread::spawn(move || {
        while let Ok(first) = edited.recv() {
            let mut paths = vec![first];
            while let Ok(path) = edited.recv_timeout(QUIET) {
                paths.push(path);
            }
            if paths.iter().any(|p| p.starts_with(&templates)) {
                println!(
                    "templates/ changed: templates are compiled into the binary, so restart serve \
                     (or run it under `cargo watch -x \"run -- serve\"`)"
                );
            }
            if paths
                .iter()
                .any(|p| !p.starts_with(&templates) && !is_lock(p))
            {
                state.rebuild(&options);
            }
        }
    });
    Ok(watcher)
}

fn is_edit(kind: EventKind) -> bool {
    matches!(
        kind,
        EventKind::Create(_)
            | EventKind::Remove(_)
            | EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Name(_) | ModifyKind::Any)
    )
}

fn watch_error(dir: &Path, err: notify::Error) -> Error {
    Error::Io {
        path: dir.to_path_buf(),
        source: std::io::Error::other(err),
    }
}

/// The lock file changes on every build; it is not an edit to react to.
fn is_lock(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n == LOCK_FILE || n == LOCK_PART)
}

fn display_host(host: IpAddr) -> String {
    match host {
        IpAddr::V6(v6) => format!("[{v6}]"),
        IpAddr::V4(v4) => v4.to_string(),
    }
}

fn respond(request: &Request, out: &Path, state: &State, script: &str) -> Response {
    let url = url_path(&request.path);
    if url == STATUS_PATH {
        // `?after=N`: answer when the build after the N-th has ended.
        let seen = request
            .path
            .split_once("?after=")
            .and_then(|(_, n)| n.parse().ok());
        return Response {
            status: 200,
            content_type: "application/json",
            body: state.status_json(seen).into_bytes(),
            location: None,
        };
    }
    if url == RELOAD_PATH {
        return Response {
            status: 200,
            content_type: "text/javascript; charset=utf-8",
            body: script.as_bytes().to_vec(),
            location: None,
        };
    }
    let found = answer(out, "", url);
    if found.location.is_some() {
        return Response {
            location: found.location,
            ..Response::text(301, "")
        };
    }
    let Ok(mut body) = std::fs::read(&found.file) else {
        return Response::text(404, "not found");
    };
    let content_type = content_type(&found.file);
    if content_type.starts_with("text/html") {
        let html = String::from_utf8_lossy(&body);
        let tag = format!("<script src=\"{RELOAD_PATH}\"></script>");
        let injected = match html.rfind("</body>") {
            Some(at) => format!("{}{tag}{}", &html[..at], &html[at..]),
            None => format!("{html}{tag}"),
        };
        body = injected.into_bytes();
    }
    Response {
        status: found.status,
        content_type,
        body,
        location: None,
    }
}
