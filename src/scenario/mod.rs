//! Scenario files: the source text, the RON syntax tree, the authored model,
//! the validator and the compiled form the engine runs.

pub mod annotations;
pub mod compiled;
pub mod de;
pub mod diagnostics;
pub mod expr;
pub mod features;
pub mod files;
pub mod guide;
pub mod load;
pub mod model;
pub mod sarif;
pub mod source;
pub mod syntax;
pub mod time;
pub mod translation;
pub mod validate;
pub mod zone;

pub use compiled::Scenario;
pub use load::{
    Loaded, available_languages, load_bytes, load_file, load_file_translated, load_str,
};
