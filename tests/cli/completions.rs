//! `roles completions`: a script for every shell, completing the knowledge
//! base's values. The bash script is sourced in a real bash and its function
//! called as bash calls it on TAB (COMP_WORDS, COMP_CWORD).

use std::process::Command;

use crate::common::*;

#[test]
fn every_shell_gets_a_plain_script_that_completes_the_commands() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = roles(&["completions", shell]).succeeds();
        for word in ["roles", "compare", "advise", "schema"] {
            assert!(
                run.stdout.contains(word),
                "the {shell} script completes `{word}`\n{run}"
            );
        }
        assert!(!run.has_escapes(), "{shell}: no escape codes in a script");
    }
    for shell in ["zsh", "fish"] {
        roles(&["completions", shell])
            .succeeds()
            .stdout_has("cto")
            .stdout_has("aim=product");
    }
    roles(&["completions", "bash"])
        .succeeds()
        .stdout_has("complete -F")
        .stdout_has(" roles");
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
        .output()
        .expect("bash runs");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout)
        .expect("UTF-8")
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_completes_roles_sections_dimensions_topics_and_answers() {
    let script = roles(&["completions", "bash"]).succeeds().stdout;
    for (line, expected) in [
        ("roles show ", "cio"),
        ("roles show ", "cto"),
        ("roles show cio --section ", "kpis"),
        ("roles compare --only ", "revenue-line"),
        ("roles topics ", "need-both"),
        ("roles search data --role ", "cio"),
        ("roles jd ", "cto"),
        ("roles advise --answer ", "aim=product"),
        ("roles career --answer ", "interest=product"),
    ] {
        let offered = bash_offers(&script, line);
        assert!(
            offered.iter().any(|value| value == expected),
            "`{line}` offers {offered:?}"
        );
    }
}
