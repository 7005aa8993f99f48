//! `timeouts.toml`: the proxies, load balancers, platforms and NAT tables
//! between a client and its server, and the idle limits with which they cut
//! WebSocket connections. Values are typed, so they fill the table of
//! `/timeouts/`, its JSON and the lookup's reading of durations.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeoutsFile {
    pub text: Spanned<BTreeMap<String, Spanned<TimeoutsText>>>,
    #[serde(default)]
    pub hop: Vec<Hop>,
}

/// The page's prose in one language.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeoutsText {
    pub source: Option<Spanned<String>>,
    pub title: Option<Spanned<String>>,
    pub summary: Option<Spanned<String>>,
    pub intro: Option<Spanned<String>>,
    pub sees: Option<Spanned<String>>,
    pub heartbeats: Option<Spanned<String>>,
}

/// One hop that cuts idle connections.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hop {
    /// The anchor on `/timeouts/`: `#nginx`.
    pub id: Spanned<String>,
    pub name: String,
    pub kind: HopKind,
    /// The default idle limit, in seconds.
    pub idle: Option<u32>,
    /// A hard cap on a connection's lifetime, in seconds.
    pub lifetime: Option<u32>,
    /// The setting that changes it, as its configuration writes it.
    pub setting: Option<String>,
    pub reset_by: Option<ResetBy>,
    pub source: Spanned<String>,
    /// The release or documentation page the values were read in.
    pub verified: String,
    #[serde(default)]
    pub text: BTreeMap<String, HopText>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HopText {
    pub note: Option<Spanned<String>>,
    /// What the idle column says where the hop has no default of its own
    /// (`idle` absent) but the limit is known to come from elsewhere.
    pub idle: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum HopKind {
    Proxy,
    LoadBalancer,
    Cdn,
    Platform,
    Network,
}

/// What resets a hop's idle timer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ResetBy {
    /// Any frame in either direction, pings included.
    Traffic,
    /// Only data from the upstream server.
    BackendTraffic,
    /// Only data from the client.
    ClientTraffic,
    /// Nothing: a cap on the connection's age.
    Nothing,
}
