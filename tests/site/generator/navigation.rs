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
    // Korean pages label comparisons with the Korean names.
    let ko = site.page("ko/1008/");
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
