//! Library behaviour the site once stated wrongly stays right: each test
//! reads the built pages, in both languages where the claim is in prose, and
//! fails if the old claim comes back or the correction goes away.

use scraper::Html;

use crate::common::{self, sel, texts};

/// The text of every paragraph and list item of a page.
fn sentences(page: &Html) -> Vec<String> {
    texts(page, "main p, main li")
}

fn page(rel: &str) -> Html {
    common::real_site().page(rel)
}

/// The code of an example on a page, by its caption (`Python · websockets`).
fn example(page: &Html, kind: &str, caption_start: &str) -> String {
    page.select(&sel(&format!("div.examples-{kind} figure.example")))
        .find(|f| {
            f.select(&sel("figcaption"))
                .next()
                .is_some_and(|c| c.text().collect::<String>().starts_with(caption_start))
        })
        .map(|f| f.select(&sel("pre")).flat_map(|p| p.text()).collect())
        .unwrap_or_else(|| panic!("no {kind} example captioned {caption_start}"))
}

#[test]
fn okhttp_sends_1001_only_for_a_full_queue_never_for_a_listener_exception() {
    for rel in ["1001/", "1000-vs-1001/"] {
        for item in sentences(&page(rel)) {
            if item.contains("OkHttp") && item.contains("exception") {
                assert!(
                    item.contains("1006") || !item.contains("1001"),
                    "{rel}: {item}"
                );
            }
        }
    }
    let when = texts(&page("1001/"), "section#when li").join("\n");
    assert!(when.contains("16 MiB"), "{when}");
    let ko = texts(&page("ko/1001/"), "section#when li").join("\n");
    assert!(ko.contains("16 MiB"), "{ko}");
}

#[test]
fn the_python_read_example_reads_the_code_after_a_quiet_end_too() {
    for rel in ["1000/", "1001/", "1005/", "1008/"] {
        let code = example(&page(rel), "read", "Python");
        // `async for` ends without an exception on 1000, 1001 and 1005, so
        // the code must be read outside the `except` branch.
        let after_loop = code
            .lines()
            .skip_while(|l| !l.starts_with("except"))
            .skip(1)
            .skip_while(|l| l.starts_with(' ') || l.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            after_loop.contains("close_code") || !code.contains("except"),
            "{rel}: the code is only read inside except:\n{code}"
        );
    }
}

#[test]
fn browsers_hand_a_received_1004_to_the_page() {
    for rel in ["1004/", "ko/1004/"] {
        let text = sentences(&page(rel)).join("\n");
        assert!(text.contains("Chromium"), "{rel}");
        assert!(text.contains("1005") && text.contains("1015"), "{rel}");
    }
}

#[test]
fn java_websocket_close_1006_drops_the_connection_without_failing() {
    for rel in ["1000-vs-1006/", "1005-vs-1006/"] {
        let text = sentences(&page(rel)).join("\n");
        let clauses: Vec<&str> = text.split(['.', ';', '\n']).collect();
        assert!(
            clauses
                .iter()
                .any(|c| c.contains("Java-WebSocket") && c.contains("close(1006)")),
            "{rel} no longer says what Java-WebSocket does with close(1006)"
        );
        for clause in clauses {
            if clause.contains("Java-WebSocket") && clause.contains("close(1006)") {
                assert!(!clause.contains("throw"), "{rel}: {clause}");
            }
        }
    }
}

#[test]
fn chrome_close_error_is_quoted_as_current_chromium_prints_it() {
    let messages = texts(&page("1000/"), "section#messages li").join("\n")
        + &texts(&page("3000/"), "section#messages li").join("\n");
    let current = "The close code must be either 1000, or between 3000 and 4999.";
    let pages: String = ["1000/", "3000/", "1008/", "1000-vs-1001/"]
        .iter()
        .map(|rel| sentences(&page(rel)).join("\n") + &messages)
        .collect();
    assert!(pages.contains(current), "no page quotes {current:?}");
    // The old wording appears only where it is marked with its releases.
    for rel in ["1000/", "3000/"] {
        for line in texts(&page(rel), "section#messages li") {
            if line.contains("must be either 1000 or in the range") {
                assert!(line.contains('≤') || line.contains('–'), "{rel}: {line}");
            }
        }
    }
}

#[test]
fn private_ranges_say_swift_maps_unknown_codes_to_1003() {
    for rel in ["3000-3999/", "4000-4999/", "ko/3000-3999/", "ko/4000-4999/"] {
        let text = sentences(&page(rel)).join("\n");
        assert!(text.contains("URLSessionWebSocketTask"), "{rel}");
        assert!(text.contains("1003"), "{rel}");
    }
}

#[test]
fn tomcat_turns_1012_to_1014_into_1002() {
    for rel in ["1011-vs-1014/", "1013-vs-1014/"] {
        let text = sentences(&page(rel)).join("\n");
        assert!(
            text.lines()
                .any(|l| l.contains("Tomcat") && l.contains("1002")),
            "{rel}"
        );
    }
}

#[test]
fn tungstenite_tls_errors_depend_on_the_backend() {
    let page = page("1015/");
    let text = sentences(&page).join("\n") + &example(&page, "read", "Rust");
    assert!(text.contains("rustls"), "{text}");
    assert!(text.contains("Error::Io") || text.contains("Io("), "{text}");
}

#[test]
fn the_gorilla_1015_example_checks_the_error_before_using_the_connection() {
    let code = example(&page("1015/"), "read", "Go");
    let check = code.find("err != nil").expect("checks err");
    if let Some(close) = code.find("conn.Close()") {
        assert!(check < close, "conn used before err is checked:\n{code}");
    }
}

#[test]
fn every_message_and_library_says_which_release_it_was_checked_against() {
    for code in common::REGISTERED {
        let page = page(&format!("{code}/"));
        for group in page.select(&sel("section#messages ul.messages > li")) {
            let captured: String = group
                .select(&sel(":scope > .captured"))
                .flat_map(|c| c.text())
                .collect();
            for li in group.select(&sel(":scope > ul > li")) {
                let checked: String = li.select(&sel(".checked")).flat_map(|c| c.text()).collect();
                let label = if checked.is_empty() {
                    &captured
                } else {
                    &checked
                };
                let label = label.trim_start_matches('·').trim();
                assert!(
                    label.split_whitespace().count() >= 3,
                    "{code}: {}",
                    li.text().collect::<String>()
                );
            }
        }
        for row in texts(&page, "table.constants tbody tr td:last-child") {
            assert!(!row.is_empty(), "{code}: a library without a release");
        }
    }
}

#[test]
fn log_lines_the_harness_printed_say_which_run_printed_them() {
    let read = |path: std::path::PathBuf| -> toml::Table {
        toml::from_str(&std::fs::read_to_string(&path).expect("read")).expect("parse")
    };
    let mut printed = std::collections::BTreeMap::new();
    for entry in std::fs::read_dir(common::real_content().join("captured")).expect("captured") {
        let file = read(entry.expect("entry").path());
        let library = file["library"].as_str().expect("library").to_string();
        for line in file["line"].as_array().expect("lines") {
            let text = line["text"].as_str().expect("text").to_string();
            printed.insert((library.clone(), text), file["version"].clone());
        }
    }
    let messages = read(common::real_content().join("messages.toml"));
    let mut captured = 0;
    for message in messages["message"].as_array().expect("messages") {
        let library = message["library"].as_str().expect("library");
        let text = message["text"].as_str().expect("text");
        let code = message["code"].as_integer().expect("code");
        let page = page(&format!("{code}/"));
        // A line's own `.checked` names the release it was read in; a line
        // without one is covered by its library's `.captured` run.
        let (group, item) = page
            .select(&sel("section#messages ul.messages > li"))
            .find_map(|group| {
                group
                    .select(&sel(":scope > ul > li"))
                    .find(|li| {
                        li.select(&sel("code"))
                            .flat_map(|c| c.text())
                            .collect::<String>()
                            == text
                    })
                    .map(|li| (group, li))
            })
            .unwrap_or_else(|| panic!("/{code}/ does not show {text:?}"));
        let checked = item.select(&sel(".checked")).next().is_some();
        let run: String = group
            .select(&sel(":scope > .captured"))
            .flat_map(|c| c.text())
            .collect();
        match printed.get(&(library.to_string(), text.to_string())) {
            Some(version) => {
                captured += 1;
                let version = version.as_str().expect("version");
                assert!(
                    !checked && run.contains(library) && run.contains(version),
                    "/{code}/ {text:?}: {run:?}"
                );
            }
            None => assert!(checked, "/{code}/ {text:?} claims a capture"),
        }
    }
    assert!(captured > 0, "no log line matches a captured one");
}

#[test]
fn a_log_line_the_harness_did_not_print_needs_a_reason() {
    let scratch = common::Scratch::of(&common::real_content());
    scratch.edit(
        "messages.toml",
        "text = \"websocket: close 1000 (normal)\"",
        "text = \"websocket: close 1000 (normally)\"",
    );
    let out = scratch.out();
    let err = closecodes::build(&scratch.options(&out, None)).expect_err("must not build");
    let message = err.to_string();
    assert!(
        message.contains("\"websocket: close 1000 (normally)\" is in no captured run of gorilla")
            && message.contains("read_only"),
        "{message}"
    );
}
