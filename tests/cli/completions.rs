//! `roles completions`: a script for every shell, completing the knowledge
//! base's values. The bash script is sourced in a real bash and its function
//! called as bash calls it on TAB (COMP_WORDS, COMP_CWORD).

use std::process::Command;

use crate::common::*;

#[test]
fn every_shell_gets_a_plain_script_that_completes_the_commands() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = roles(&["completions", shell]).succeeds();
        assert!(!run.has_escapes(), "{shell}: no escape codes in a script");
        let words = ["roles", "compare", "advise", "schema"];
        let run = words.iter().fold(run, |run, word| run.stdout_has(word));
        let values: &[&str] = match shell {
            "zsh" | "fish" => &["cto", "aim=product"],
            "bash" => &["complete -F", " roles"],
            _ => &[],
        };
        values.iter().fold(run, |run, value| run.stdout_has(value));
    }
}

/// What the bash script offers for `line` (which ends where TAB was pressed).
fn bash_offers(script: &str, line: &str) -> Vec<String> {
    let dir = temp_dir();
    let path = write_file(dir.path(), "roles.bash", script);
    let words: Vec<&str> = line.split_whitespace().collect();
    let program = format!(
        "source {}\nCOMP_WORDS=({} '')\nCOMP_CWORD={}\nCOMP_LINE='{line}'\nCOMP_POINT={}\n_roles roles '' '{}'\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"",
        path.display(),
        words.join(" "),
        words.len(),
        line.len(),
        words.last().expect("a word"),
    );
    let output = Command::new("bash")
        .args(["--norc", "-c", &program])
        .output();
    let output = output.expect("bash runs");
    assert!(output.status.success(), "{output:?}");
    let offered = String::from_utf8(output.stdout).expect("UTF-8");
    offered.lines().map(str::to_owned).collect()
}

#[test]
fn bash_completes_roles_sections_dimensions_topics_and_answers() {
    let script = roles(&["completions", "bash"]).succeeds().stdout;
    #[rustfmt::skip]
    let cases = [
        ("roles show ", "cio cto"), ("roles show cio --section ", "kpis"),
        ("roles compare --only ", "revenue-line"), ("roles topics ", "need-both"),
        ("roles search data --role ", "cio"), ("roles jd ", "cto"),
        ("roles advise --answer ", "aim=product"), ("roles career --answer ", "interest=product"),
    ];
    for (line, expected) in cases {
        let offered = bash_offers(&script, line);
        for value in expected.split(' ') {
            let ok = offered.iter().any(|v| v == value);
            assert!(ok, "`{line}` offers {offered:?}");
        }
    }
}
