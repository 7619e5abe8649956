//! Colour is decided once, from `--color`, CLICOLOR_FORCE, NO_COLOR, TERM and
//! whether the stream is a terminal, and the same decision paints tables, help
//! and the error label; JSON and YAML are never painted.

use crate::common::*;

/// The commands whose table output people read, and the help.
#[rustfmt::skip]
const TABLE_COMMANDS: &[&[&str]] = &[
    &["compare"], &["compare", "--cite"], &["show", "cio"], &["show", "cto"],
    &["search", "data", "governance"], &["sources"], &["--help"], &["compare", "--help"],
];

#[test]
fn color_always_paints_tables_help_and_the_error_label_even_when_piped() {
    for args in TABLE_COMMANDS {
        let run = roles(args).arg("--color=always").succeeds();
        assert!(run.stdout.contains("\x1b["), "painted\n{run}");
    }
    let run = roles(&["--color", "always", "show", "nobody"]).run();
    assert!(run.code == Some(2) && run.stderr.contains("\x1b["), "{run}");
}

#[test]
fn piped_output_has_no_escape_codes_unless_clicolor_force_and_never_wins() {
    let advise = &["advise", "--no-input", "-a", "aim=product"][..];
    for &args in TABLE_COMMANDS
        .iter()
        .chain([&advise, &&["search", "data"][..]])
    {
        assert!(!roles(args).succeeds().has_escapes(), "piped: plain");
        let forced = roles(args).env("CLICOLOR_FORCE", "1").succeeds();
        assert!(forced.stdout.contains("\x1b["), "CLICOLOR_FORCE paints");
        let never = roles(args)
            .args(&["--color", "never"])
            .env("CLICOLOR_FORCE", "1");
        let ok = !never.succeeds().has_escapes();
        assert!(ok, "--color never beats CLICOLOR_FORCE");
        for (key, value) in [("NO_COLOR", "1"), ("TERM", "dumb")] {
            let plain = !roles(args).env(key, value).succeeds().has_escapes();
            assert!(plain, "{key}={value}");
        }
    }
    let error = roles(&["show", "nobody"]).run();
    assert!(!error.has_escapes(), "the error report is plain");
}

/// Runs `roles ARGS` on a pseudo-terminal with `script`, with these variables
/// set; `None` when `script` or a pseudo-terminal is not available.
fn on_a_terminal(args: &[&str], env: &[(&str, &str)]) -> Option<Run> {
    let quote = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
    let binary = binary().display().to_string();
    let line: Vec<String> = [&binary[..]].iter().chain(args).map(|s| quote(s)).collect();
    let mut command = std::process::Command::new("script");
    command.args(["-qec", &line.join(" "), "/dev/null"]);
    for name in HOST_VARIABLES {
        command.env_remove(name);
    }
    command.env("COLUMNS", "80").env("TERM", "xterm-256color");
    command.envs(env.iter().copied());
    let Ok(output) = command.stdin(std::process::Stdio::null()).output() else {
        crate::common::prerequisite_missing("util-linux `script`, to make a pseudo-terminal");
        return None;
    };
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    if !output.status.success() && output.stdout.is_empty() {
        // `script` itself failed (no pseudo-terminals here), not `roles`.
        let failed = text(&output.stderr);
        prerequisite_missing(&format!("a pseudo-terminal (`script` failed: {failed})"));
        return None;
    }
    Some(Run {
        shown: format!("script -qec {}", line.join(" ")),
        code: output.status.code(),
        timed_out: false,
        elapsed: std::time::Duration::ZERO,
        stdout: text(&output.stdout),
        stderr: text(&output.stderr),
    })
}

#[test]
fn a_terminal_gets_colour_unless_no_color_or_term_dumb() {
    for args in [&["compare", "--only", "focus"][..], &["--help"]] {
        let never = [args, &["--color", "never"]].concat();
        // NO_COLOR: any non-empty value, `0` too (no-color.org).
        for (args, env, painted) in [
            (args, &[][..], true),
            (args, &[("NO_COLOR", "1")], false),
            (args, &[("NO_COLOR", "0")], false),
            (args, &[("TERM", "dumb")], false),
            (args, &[("TERM", "dumb"), ("CLICOLOR_FORCE", "1")], true),
            (&never, &[], false),
        ] {
            let Some(run) = on_a_terminal(args, env) else {
                return;
            };
            assert_eq!(run.code, Some(0), "{run}");
            assert_eq!(run.stdout.contains("\x1b["), painted, "{env:?}\n{run}");
        }
    }
}

#[test]
fn colour_does_not_change_the_words_or_the_width_and_never_reaches_json_or_yaml() {
    let plain = roles(&["compare"]).succeeds().stdout;
    let painted = roles(&["compare", "--color", "always"]).succeeds().stdout;
    // Removes ANSI SGR sequences (`ESC [ … m`).
    let mut stripped = String::new();
    let mut chars = painted.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            chars.by_ref().find(char::is_ascii_alphabetic);
        } else {
            stripped.push(c);
        }
    }
    assert_eq!(stripped, plain);
    for format in ["json", "yaml"] {
        let run = roles(&["compare", "--color", "always"]).format(format);
        assert!(!run.succeeds().has_escapes(), "{format}");
    }
}
