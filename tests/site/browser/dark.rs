//! Light and dark themes follow `prefers-color-scheme`, with no script.

use crate::common;

use crate::common::browser;

/// The relative luminance (0 black, 1 white) of the page's background.
async fn background(flags: &[&str]) -> Option<f64> {
    let site = common::build(&common::mini_content(), Some(common::BASE));
    let session = browser::open_with(&site.out, flags).await?;
    let client = session.client();
    client
        .goto(&format!("{}1006/", session.root))
        .await
        .expect("goto");
    let value = client
        .execute(
            "return getComputedStyle(document.body).backgroundColor",
            vec![],
        )
        .await
        .expect("style");
    let rgb: Vec<f64> = value
        .as_str()
        .expect("string")
        .trim_start_matches("rgb(")
        .trim_end_matches(')')
        .split(',')
        .map(|c| c.trim().parse::<f64>().expect("channel") / 255.0)
        .collect();
    Some(0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2])
}

#[tokio::test(flavor = "multi_thread")]
#[cfg_attr(
    no_browser,
    ignore = "needs Chromium: apt-get install chromium chromium-driver"
)]
async fn the_dark_theme_follows_the_system_setting() {
    let Some(light) = background(&["--blink-settings=preferredColorScheme=1"]).await else {
        return;
    };
    let dark = background(&["--blink-settings=preferredColorScheme=0"])
        .await
        .expect("browser");
    assert!(light > 0.8, "light theme background is not light: {light}");
    assert!(dark < 0.2, "dark theme background is not dark: {dark}");
}
