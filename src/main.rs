//! The `roles` binary: hand the arguments to the library and exit with its code.

use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(roles::run(std::env::args_os()))
}
