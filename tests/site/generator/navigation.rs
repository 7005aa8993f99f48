//! Ways to read on, in the built HTML: breadcrumbs, previous and next code,
//! comparisons labelled by name with the hand-written ones marked, onward
//! links from comparisons, the index's picker, and the repository link.

use crate::common::{self, attrs, texts};

#[test]
fn code_pages_carry_a_breadcrumb_neighbours_and_named_comparisons() {
    let site = common::real_site();
    let page = site.page("1008/");
    let crumbs = texts(&page, "nav.breadcrumb li");
    assert_eq!(crumbs.len(), 3, "{crumbs:?}");
    assert_eq!(crumbs[1], "1000-2999");
    assert_eq!(crumbs[2], "1008");
    assert_eq!(attrs(&page, "a[rel=prev]", "href"), ["/repo/1007/"]);
    assert_eq!(attrs(&page, "a[rel=next]", "href"), ["/repo/1009/"]);
    let first = site.page("1000/");
    assert!(attrs(&first, "a[rel=prev]", "href").is_empty());
    // Comparisons name the other code; hand-written ones come first, marked,
    // and a protocol's number compared with 1008 is among them.
    let links = texts(&page, "#compare li");
    assert_eq!(links.len(), 18 + protocol_pairs_with(1008));
    assert!(
        links[0].starts_with("1008 vs 1000 Normal Closure"),
        "{links:?}"
    );
    let marked = texts(&page, "#compare li .curated").len();
    let curated = std::fs::read_dir(common::real_content().join("comparisons"))
        .expect("comparisons")
        .filter(|e| {
            let name = e.as_ref().expect("entry").file_name();
            let name = name.to_string_lossy();
            name.starts_with("1008-") || name.ends_with("-1008.toml")
        })
        .count();
    assert_eq!(
        marked, curated,
        "every hand-written comparison of 1008 is marked"
    );
    assert!(
        links[..marked]
            .iter()
            .all(|l| l.contains(&texts(&page, "#compare li .curated")[0]))
    );
    // Korean pages label comparisons, and the table of facts, with the
    // Korean names.
    let ko = site.page("ko/1008/");
    assert_eq!(texts(&ko, "table.facts caption"), ["정책 위반"]);
    assert!(
        texts(&ko, "#compare li .name")
            .iter()
            .any(|n| n.chars().any(|c| ('가'..='힣').contains(&c)))
    );
}

/// How many hand-written comparisons set `code` beside a protocol's number.
fn protocol_pairs_with(code: u16) -> usize {
    std::fs::read_dir(common::real_content().join("comparisons"))
        .expect("comparisons")
        .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("read"))
        .filter(|text| {
            text.contains("protocol = ")
                && (text.contains(&format!("[{code},")) || text.contains(&format!(", {code}]")))
        })
        .count()
}

#[test]
fn comparisons_link_onward_and_the_index_offers_every_pair_without_script() {
    let site = common::real_site();
    let page = site.page("1002-vs-1008/");
    let onward = attrs(&page, "nav.onward a", "href");
    assert!(!onward.is_empty());
    assert!(
        onward
            .iter()
            .all(|h| h.contains("1002") || h.contains("1008"))
    );
    assert!(!onward.iter().any(|h| h == "/repo/1002-vs-1008/"));
    let index = site.page("");
    assert!(
        texts(&index, "table.matrix").is_empty(),
        "the matrix is gone"
    );
    let picker = texts(&index, "#compare .picker details summary");
    assert_eq!(picker.len(), 19);
    let with_protocols: usize = common::REGISTERED
        .iter()
        .map(|&c| protocol_pairs_with(c))
        .sum();
    assert_eq!(
        attrs(&index, "#compare .picker details a", "href").len(),
        19 * 18 + with_protocols
    );
    // Every page links the repository.
    for rel in ["", "1006/", "ko/1002-vs-1008/", "timeouts/"] {
        let p = site.page(rel);
        assert!(
            attrs(&p, "footer a", "href")
                .iter()
                .any(|h| h.starts_with("https://github.com/")),
            "{rel}"
        );
    }
}

/// `most_met` of the real site's `site.toml`.
fn most_met() -> Vec<u16> {
    let text =
        std::fs::read_to_string(common::real_content().join("site.toml")).expect("site.toml");
    let table: toml::Table = text.parse().expect("site.toml parses");
    table["most_met"]
        .as_array()
        .expect("most_met is a list")
        .iter()
        .map(|v| v.as_integer().expect("a code") as u16)
        .collect()
}

#[test]
fn the_index_opens_with_the_timeouts_the_protocols_and_the_codes_met_most() {
    let site = common::real_site();
    for prefix in ["", "ko/"] {
        let index = site.page(prefix);
        // The two questions come before any list of codes.
        assert_eq!(
            attrs(&index, "#start .questions a", "href"),
            [
                format!("/repo/{prefix}timeouts/"),
                format!("/repo/{prefix}protocols/")
            ],
            "{prefix}"
        );
        let expected: Vec<String> = most_met()
            .iter()
            .map(|code| format!("/repo/{prefix}{code}/"))
            .collect();
        assert_eq!(attrs(&index, "#start .code-list a", "href"), expected);
        let sections = attrs(&index, "main > section[id]", "id");
        assert_eq!(
            sections[..3],
            ["lookup", "start", "featured"],
            "{sections:?}"
        );
    }
    // Korean lists name the codes in Korean, with the registry's name beside.
    let ko = site.page("ko/");
    let first = texts(&ko, "#start .code-list li > a");
    assert!(
        first[0].contains("1006") && first[0].contains("비정상"),
        "{first:?}"
    );
    assert_eq!(
        texts(&ko, "#start .code-list li .official")[0],
        "Abnormal Closure"
    );
    assert!(texts(&site.page(""), "#start .code-list .official").is_empty());
}

#[test]
fn the_index_groups_hand_written_comparisons_by_the_question_they_answer() {
    let site = common::real_site();
    let index = site.page("");
    let groups: Vec<(String, Vec<String>)> = index
        .select(&common::sel("#featured .theme"))
        .map(|group| {
            let heading = group
                .select(&common::sel("h3"))
                .map(|h| h.text().collect::<String>())
                .next()
                .unwrap_or_default();
            let hrefs = group
                .select(&common::sel("a"))
                .map(|a| a.value().attr("href").expect("href").to_string())
                .collect();
            (heading, hrefs)
        })
        .collect();
    assert!(groups.len() >= 4, "{groups:?}");
    // Each comparison of two registered codes is listed once, in the group
    // of its theme; comparisons of the same theme share a group.
    let mut theme_of_group = std::collections::BTreeMap::new();
    let mut listed = 0;
    for entry in std::fs::read_dir(common::real_content().join("comparisons")).expect("dir") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).expect("read");
        let table: toml::Table = text.parse().expect("comparison parses");
        if table.contains_key("protocol") {
            continue;
        }
        let codes = table["codes"].as_array().expect("codes");
        let href = format!(
            "/repo/{}-vs-{}/",
            codes[0].as_integer().expect("code"),
            codes[1].as_integer().expect("code")
        );
        let holding: Vec<usize> = (0..groups.len())
            .filter(|&i| groups[i].1.contains(&href))
            .collect();
        assert_eq!(holding.len(), 1, "{href} is listed once");
        let theme = table.get("theme").and_then(|t| t.as_str()).unwrap_or("");
        let previous = theme_of_group.insert(theme.to_string(), holding[0]);
        assert!(
            previous.is_none_or(|g| g == holding[0]),
            "{href}: {theme} is split"
        );
        listed += 1;
    }
    assert_eq!(listed, groups.iter().map(|g| g.1.len()).sum::<usize>());
    assert!(
        groups.iter().all(|g| !g.0.trim().is_empty()),
        "every group is named"
    );
}

#[test]
fn every_page_header_links_the_timeouts_and_the_protocols() {
    let site = common::real_site();
    for prefix in ["", "ko/"] {
        let own = [
            format!("/repo/{prefix}timeouts/"),
            format!("/repo/{prefix}protocols/"),
        ];
        for rel in [
            "",
            "1006/",
            "1002-vs-1008/",
            "4004/",
            "3000-3999/",
            "timeouts/",
            "protocols/",
            "protocols/pusher/",
        ] {
            let page = site.page(&format!("{prefix}{rel}"));
            assert_eq!(
                attrs(&page, "header nav.site-nav a", "href"),
                own,
                "{prefix}{rel}"
            );
            let current = attrs(&page, "header nav.site-nav a[aria-current=page]", "href");
            let expected: Vec<&String> = own
                .iter()
                .filter(|h| h.ends_with(&format!("/{prefix}{rel}")) && !rel.is_empty())
                .collect();
            assert_eq!(
                current.iter().collect::<Vec<_>>(),
                expected,
                "{prefix}{rel}"
            );
        }
    }
}

#[test]
fn at_least_fifteen_pages_send_readers_to_the_timeouts_page_from_their_text() {
    let site = common::real_site();
    for prefix in ["", "ko/"] {
        let target = format!("/repo/{prefix}timeouts/");
        let root = site.out.join(prefix.trim_end_matches('/'));
        let linking: Vec<String> = common::names_in(&root)
            .into_iter()
            .filter(|name| name != "timeouts" && root.join(name).join("index.html").exists())
            .filter(|name| {
                let page = site.page(&format!("{prefix}{name}/"));
                page.select(&common::sel("main a[href]")).any(|a| {
                    a.value()
                        .attr("href")
                        .is_some_and(|h| h.starts_with(&target))
                })
            })
            .collect();
        assert!(linking.len() >= 15, "{prefix}: {linking:?}");
        for page in ["1006", "1001", "1011", "1000-vs-1001", "1000-vs-1011"] {
            assert!(
                linking.iter().any(|l| l == page),
                "{prefix}{page} links the timeouts"
            );
        }
    }
}
