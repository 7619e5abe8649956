//! The README's terminal examples are real output: every ```console block that
//! runs `roles …` must show exactly what the binary prints at 80 columns.

use crate::common::roles;

#[test]
fn every_console_example_in_the_readme_is_what_roles_prints() {
    let mut checked = 0;
    for block in include_str!("../../README.md")
        .split("```console\n")
        .skip(1)
    {
        let block = block.split("```").next().expect("a closed block");
        let (command, shown) = block.split_once('\n').expect("a command line");
        let Some(args) = command.strip_prefix("$ roles ") else {
            continue;
        };
        let args: Vec<&str> = args.split_whitespace().collect();
        let printed = roles(&args).succeeds().stdout;
        assert_eq!(
            printed, shown,
            "the README's `{command}` differs from the real output (regenerate it)"
        );
        checked += 1;
    }
    let ok = checked >= 4;
    assert!(ok, "the README has its examples ({checked} found)");
}
