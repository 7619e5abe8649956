//! `roles completions`: the scripts complete the knowledge base's values. The
//! bash script is sourced in a real bash and its function called as bash calls
//! it on TAB (COMP_WORDS, COMP_CWORD); zsh and fish scripts are generated.

use std::process::Command;

use crate::common::*;

/// What the bash script offers for `line` (which ends where TAB was pressed).
fn bash_offers(line: &str) -> Vec<String> {
    let script = roles(&["completions", "bash"]).succeeds().stdout;
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
        .arg("--norc")
        .arg("-c")
        .arg(program)
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
fn bash_completes_role_ids_after_show() {
    let offered = bash_offers("roles show ");
    assert!(offered.contains(&"cio".to_owned()), "{offered:?}");
    assert!(offered.contains(&"cto".to_owned()), "{offered:?}");
}

#[test]
fn bash_completes_sections_dimensions_topics_and_answers() {
    for (line, expected) in [
        ("roles show cio --section ", "kpis"),
        ("roles compare --only ", "revenue-line"),
        ("roles topics ", "need-both"),
        ("roles search data --role ", "cio"),
        ("roles jd ", "cto"),
        ("roles advise --answer ", "aim=product"),
        ("roles career --answer ", "interest=product"),
    ] {
        let offered = bash_offers(line);
        assert!(
            offered.iter().any(|value| value == expected),
            "`{line}` offers {offered:?}"
        );
    }
}

#[test]
fn zsh_and_fish_scripts_are_generated_with_the_values() {
    for shell in ["zsh", "fish"] {
        let script = roles(&["completions", shell]).succeeds().stdout;
        assert!(script.contains("cto"), "{shell}: {script}");
        assert!(script.contains("aim=product"), "{shell}");
    }
}
