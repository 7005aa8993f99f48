//! A protocol's own codes on the fixture site (`protocols/example-chat.toml`):
//! a page per number with the protocol's section and its fix at the anchors
//! the spec names, the protocols' list and page, the JSON, and the URL lock.

use crate::common::{self, attrs, texts};

#[test]
fn each_number_a_protocol_defines_has_a_page_with_its_section_and_fix() {
    let site = common::build(&common::mini_content(), Some(common::BASE));
    let page = site.page("4100/");
    // The section is the protocol's, named by its slug; its fix has its own
    // anchor.
    let section = texts(&page, "section#example-chat h2");
    assert!(
        section[0].starts_with("Example Chat: Session revoked"),
        "{section:?}"
    );
    assert_eq!(
        texts(&page, "section#example-chat h3#example-chat-fix").len(),
        1
    );
    let fix = texts(&page, "section#example-chat .prose li");
    assert!(fix.iter().any(|s| s.contains("Sign in again")), "{fix:?}");
    // Who sends it, whether to reconnect, the reason text, the library's name
    // and message, and what its client printed in a run.
    let facts = texts(&page, "section#example-chat dl.code-facts dd");
    assert_eq!(
        facts,
        ["Server", "Not until the cause is fixed", "session revoked"]
    );
    let library = texts(&page, "section#example-chat table.libraries td");
    assert_eq!(
        library,
        ["CloseCodes.SessionRevoked", "Session revoked by the server"]
    );
    let captured = texts(&page, "section#example-chat details.captured li code");
    assert_eq!(
        captured,
        ["ExampleChatError: Session revoked by the server (4100)"]
    );
    // The general explanation of the range follows, and links its page.
    assert!(attrs(&page, "section#private a", "href").contains(&"/repo/4000-4999/".to_string()));
    // A number no protocol defines has no page: the 404 page explains it.
    assert!(!site.exists("4102/index.html"));
    assert!(site.exists("4101/index.html"));
}

#[test]
fn the_protocols_are_listed_and_each_tabulates_its_codes() {
    let site = common::build(&common::mini_content(), Some(common::BASE));
    let list = site.page("protocols/");
    assert_eq!(
        attrs(&list, ".protocol-list a", "href"),
        ["/repo/protocols/example-chat/"]
    );
    let page = site.page("protocols/example-chat/");
    assert_eq!(
        attrs(&page, "table.protocol-codes tbody th a", "href"),
        ["/repo/4100/#example-chat", "/repo/4101/#example-chat"]
    );
    let sources = attrs(&page, "p.sources a", "href");
    assert_eq!(sources, ["https://docs.example.com/chat/close-codes"]);
    assert!(texts(&page, "p.sources")[0].contains("read in protocol version 2"));
}

#[test]
fn the_protocols_json_and_the_lock_carry_the_same_codes_and_anchors() {
    let site = common::build(&common::mini_content(), Some(common::BASE));
    let all: serde_json::Value =
        serde_json::from_str(&site.read("api/protocols.json")).expect("protocols.json");
    assert_eq!(all["protocols"][0]["slug"], "example-chat");
    assert_eq!(
        all["protocols"][0]["codes"],
        serde_json::json!([4100, 4101])
    );
    let one: serde_json::Value =
        serde_json::from_str(&site.read("api/protocols/example-chat.json")).expect("json");
    assert_eq!(one["codes"][0]["code"], 4100);
    assert_eq!(one["codes"][0]["reconnect"], "after-fix");
    assert_eq!(
        one["codes"][0]["url"],
        format!("{}4100/#example-chat", common::BASE)
    );
    assert!(
        one["codes"][0]["text"]["en"]["fix"]
            .as_str()
            .is_some_and(|t| t.contains("Sign in again"))
    );
    let lock = std::fs::read_to_string(site.temp.path().join("content/urls.lock")).expect("lock");
    for line in [
        "/4100/#example-chat",
        "/4100/#example-chat-fix",
        "/protocols/example-chat/",
        "/api/protocols/example-chat.json",
    ] {
        assert!(lock.lines().any(|l| l == line), "the lock lacks {line}");
    }
}
