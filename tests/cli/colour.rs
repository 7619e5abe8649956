//! Colour is decided once, from `--color`, CLICOLOR_FORCE, NO_COLOR, TERM and
//! whether the stream is a terminal, and the same decision paints tables, help
//! and the error label; JSON and YAML are never painted.

use crate::common::child::*;
use crate::common::roles;

/// The commands whose table output people read.
const TABLE_COMMANDS: &[&[&str]] = &[
    &["compare"],
    &["compare", "--cite"],
    &["show", "cio"],
    &["show", "cto"],
    &["search", "data", "governance"],
    &["sources"],
];

fn run(args: &[&str]) -> Outcome {
    child(args).run()
}

#[test]
fn color_always_paints_compare_and_help_even_when_piped() {
    let out = run(&["compare", "--color", "always"]).succeeded();
    assert!(out.stdout.contains("\x1b["), "compare is painted\n{out}");
    for args in [
        &["--color", "always", "--help"][..],
        &["compare", "--help", "--color=always"],
    ] {
        let out = run(args).succeeded();
        assert!(out.stdout.contains("\x1b["), "help is painted\n{out}");
    }
}

#[test]
fn color_always_paints_the_error_label() {
    let out = run(&["--color", "always", "show", "nobody"]);
    assert_eq!(out.code, Some(2), "{out}");
    assert!(out.stderr.contains("\x1b["), "{out}");
}

#[test]
fn piped_output_has_no_escape_codes_by_default() {
    for args in [
        &["compare"][..],
        &["--help"],
        &["compare", "--help"],
        &["show", "cio"],
        &["search", "data"],
        &["advise", "--no-input", "-a", "aim=product"],
    ] {
        let out = run(args).succeeded();
        assert!(!out.has_escapes(), "{out}");
    }
    let out = run(&["show", "nobody"]);
    assert!(!out.has_escapes(), "the error report is plain\n{out}");
}

#[test]
fn color_never_and_no_color_keep_output_plain() {
    for args in TABLE_COMMANDS.iter().copied().chain([&["--help"][..]]) {
        let never = child(args)
            .arg("--color")
            .arg("never")
            .env("CLICOLOR_FORCE", "1")
            .run()
            .succeeded();
        assert!(
            !never.has_escapes(),
            "--color never beats CLICOLOR_FORCE\n{never}"
        );
        let no_color = child(args).env("NO_COLOR", "1").run().succeeded();
        assert!(!no_color.has_escapes(), "{no_color}");
    }
}

#[test]
fn clicolor_force_paints_in_auto_mode() {
    for args in [&["compare"][..], &["--help"]] {
        let out = child(args).env("CLICOLOR_FORCE", "1").run().succeeded();
        assert!(out.stdout.contains("\x1b["), "{out}");
    }
}

#[test]
fn term_dumb_without_clicolor_force_is_plain() {
    for args in [&["compare"][..], &["--help"]] {
        let out = child(args).env("TERM", "dumb").run().succeeded();
        assert!(!out.has_escapes(), "{out}");
    }
}

/// Runs `roles ARGS` on a pseudo-terminal with `script`, with these variables
/// set; `None` when `script` is not available.
fn on_a_terminal(args: &[&str], env: &[(&str, &str)]) -> Option<Outcome> {
    let available = std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|out| out.status.success());
    if !available {
        crate::common::prerequisite_missing("util-linux `script`, to make a pseudo-terminal");
        return None;
    }
    let quote = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
    let mut line = quote(&binary().display().to_string());
    for arg in args {
        line.push(' ');
        line.push_str(&quote(arg));
    }
    let mut command = std::process::Command::new("script");
    command.args(["-qec", &line, "/dev/null"]);
    for name in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "TERM", "ROLES_KB"] {
        command.env_remove(name);
    }
    command.env("COLUMNS", "80").env("TERM", "xterm-256color");
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command
        .stdin(std::process::Stdio::null())
        .output()
        .expect("`script` runs");
    if !output.status.success() && output.stdout.is_empty() {
        // `script` itself failed (no pseudo-terminals here), not `roles`.
        crate::common::prerequisite_missing(&format!(
            "a pseudo-terminal (`script` failed: {})",
            String::from_utf8_lossy(&output.stderr)
        ));
        return None;
    }
    Some(Outcome {
        shown: format!("script -qec {line}"),
        code: output.status.code(),
        timed_out: false,
        elapsed: std::time::Duration::ZERO,
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    })
}

#[test]
fn a_terminal_gets_colour_unless_no_color_or_term_dumb() {
    for args in [&["compare", "--only", "focus"][..], &["--help"]] {
        let Some(plain_tty) = on_a_terminal(args, &[]) else {
            return;
        };
        assert_eq!(plain_tty.code, Some(0), "{plain_tty}");
        assert!(
            plain_tty.stdout.contains("\x1b["),
            "auto colours a terminal\n{plain_tty}"
        );
        // NO_COLOR: any non-empty value, `0` too (no-color.org).
        for env in [
            &[("NO_COLOR", "1")][..],
            &[("NO_COLOR", "0")],
            &[("TERM", "dumb")],
        ] {
            let out = on_a_terminal(args, env).expect("script");
            assert_eq!(out.code, Some(0), "{out}");
            assert!(
                !out.stdout.contains("\x1b["),
                "{env:?} keeps a terminal plain\n{out}"
            );
        }
        let forced =
            on_a_terminal(args, &[("TERM", "dumb"), ("CLICOLOR_FORCE", "1")]).expect("script");
        assert!(
            forced.stdout.contains("\x1b["),
            "CLICOLOR_FORCE beats TERM=dumb\n{forced}"
        );
        let never = on_a_terminal(&[args, &["--color", "never"]].concat(), &[]).expect("script");
        assert!(!never.stdout.contains("\x1b["), "{never}");
    }
}

#[test]
fn color_always_paints_the_table_even_when_piped() {
    for args in TABLE_COMMANDS {
        let run = roles(args).arg("--color").arg("always").succeeds();
        assert!(
            run.stdout.contains("\x1b["),
            "`{}`:\n{}",
            run.shown,
            run.stdout
        );
    }
}

#[test]
fn colour_does_not_change_the_words_or_the_width() {
    let plain = roles(&["compare"]).succeeds().stdout;
    let painted = roles(&["compare", "--color", "always"]).succeeds().stdout;
    assert_eq!(strip_escapes(&painted), plain);
}

#[test]
fn colour_never_reaches_json_or_yaml() {
    for format in ["json", "yaml"] {
        let run = roles(&["compare", "--color", "always"])
            .format(format)
            .succeeds();
        assert!(!run.stdout.contains('\x1b'), "{format}:\n{}", run.stdout);
    }
}

/// Removes ANSI SGR sequences (`ESC [ … m`).
fn strip_escapes(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            plain.push(c);
        }
    }
    plain
}
