//! The command line: `closecodes [build|serve|check]`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

/// Prints a line of the report; a closed pipe (`| head`) is not an error.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

mod serve;

use closecodes::{BuildOptions, build};

#[derive(Parser)]
#[command(version, about = "Builds the WebSocket close code reference site")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    build: BuildArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site from the content directory (the default).
    Build(BuildArgs),
    /// Build, serve on 127.0.0.1, rebuild on change and reload the browser.
    Serve(ServeArgs),
    /// Build into a temporary place and check links, anchors and hreflang;
    /// writes nothing.
    Check(CheckArgs),
}

#[derive(Args, Clone)]
struct ServeArgs {
    /// The content directory.
    #[arg(long, default_value = "content")]
    content: PathBuf,
    /// Where to write the site.
    #[arg(long, default_value = "public")]
    out: PathBuf,
    /// The port to listen on.
    #[arg(long, default_value_t = 8000)]
    port: u16,
    /// The address to listen on; anything but loopback exposes your preview.
    #[arg(long, default_value = "127.0.0.1")]
    host: std::net::IpAddr,
}

#[derive(Args, Clone)]
struct CheckArgs {
    /// The content directory.
    #[arg(long, default_value = "content")]
    content: PathBuf,
    /// Check as if published at this address.
    #[arg(long)]
    base_url: Option<String>,
}

#[derive(Args, Clone)]
struct BuildArgs {
    /// The content directory.
    #[arg(long, default_value = "content")]
    content: PathBuf,
    /// Where to write the site.
    #[arg(long, default_value = "public")]
    out: PathBuf,
    /// The address the site is published at, such as https://owner.github.io/repo/.
    #[arg(long)]
    base_url: Option<String>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let args = match cli.command {
        Some(Command::Build(args)) => args,
        Some(Command::Check(args)) => return run_check(&args),
        Some(Command::Serve(args)) => return run_serve(args),
        None => cli.build,
    };
    let options = BuildOptions {
        content: args.content,
        out: args.out.clone(),
        base_url: args.base_url,
    };
    match build(&options) {
        Ok(report) => {
            let c = &report.changes;
            let site = format!(
                "{} pages and {} redirects ({} files, {:.1} MB)",
                report.written.pages,
                report.written.redirects,
                c.files,
                c.bytes as f64 / 1e6
            );
            let (out, ms) = (args.out.display(), report.elapsed.as_millis());
            if report.up_to_date {
                say!("{out} is up to date: {site} from the same inputs, checked in {ms} ms");
            } else {
                say!("wrote {site} to {out} in {ms} ms");
            }
            say!(
                "changes: {} added, {} removed, {} changed",
                c.added,
                c.removed,
                c.changed
            );
            ExitCode::SUCCESS
        }
        Err(err) => fail(&err),
    }
}

fn run_check(args: &CheckArgs) -> ExitCode {
    match closecodes::check(&args.content, args.base_url.as_deref()) {
        Ok(report) => {
            say!(
                "checked {} pages ({} files): every link, anchor and hreflang alternate resolves, \
                 and no published URL is dropped",
                report.pages,
                report.files
            );
            for c in &report.coverage {
                for problem in c.missing.iter().chain(&c.stale) {
                    say!("{problem}");
                }
                say!(
                    "{}: {:.1}% translated ({} of {} prose fields, {} words), {} missing, {} stale",
                    c.lang,
                    c.percent(),
                    c.translated,
                    c.fields,
                    c.words,
                    c.missing.len(),
                    c.stale.len()
                );
            }
            ExitCode::SUCCESS
        }
        Err(err) => fail(&err),
    }
}

fn run_serve(args: ServeArgs) -> ExitCode {
    let options = serve::ServeOptions {
        content: args.content,
        out: args.out,
        host: args.host,
        port: args.port,
    };
    match serve::serve(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => fail(&err),
    }
}

/// Prints the error and gives the exit status the spec names for it.
fn fail(err: &closecodes::Error) -> ExitCode {
    eprintln!("{err}");
    ExitCode::from(err.exit_code())
}
