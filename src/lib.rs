//! Downtime: a tabletop incident-response simulator for hospital crisis teams.
//!
//! The crate is split so that the deterministic core never touches a terminal:
//! [`scenario`] loads and validates RON scenario files, [`engine`] runs an exercise
//! as a pure state machine; front ends (the console, headless runs, reports) sit on top.

pub mod analysis;
pub mod audience;
pub mod bundled;
pub mod cli;
pub mod engine;
pub mod graph;
pub mod headless;
pub mod host;
pub mod i18n;
pub mod journal;
pub mod msel;
pub mod output;
pub mod package;
pub mod print;
pub mod report;
pub mod room;
pub mod scaffold;
pub mod scenario;
pub mod simulate;
pub mod stdio;
pub mod text;
pub mod tui;
pub mod wall;
