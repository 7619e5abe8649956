//! Each command's YAML, read with YAML 1.1's implicit typing (as PyYAML, Psych
//! and many CI tools read it), is the same data as its JSON. The oracle resolves
//! every plain scalar by the 1.1 type specs (<https://yaml.org/type/>), written
//! out below, not by the serialiser's quoting rules: a string 1.1 would read as
//! anything else must have been quoted.

use serde_json::{Map, Number, Value};
use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle};

use crate::common::*;

/// Every command's output, with a `kb validate` of an invalid file too.
#[rustfmt::skip]
const COMMANDS: &[&str] = &[
    "compare", "compare cio cto --only focus,kpis --cite", "show cio", "show cto",
    "search data governance", "search tension", "topics", "topics need-both", "disputes", "split",
    "sources", "advise --no-input -a tech-company=yes -a size=startup",
    "advise --no-input -a tech-company=no -a budget=part-time",
    "career --no-input -a certifications=no -a leadership=yes", "jd cto", "jd cio --fractional",
    "kb dump", "kb validate data/kb.yaml", "schema advise",
];

/// What YAML 1.1 reads a plain scalar as.
fn resolve_plain(text: &str) -> Value {
    let t = text;
    let lower = t.to_ascii_lowercase();
    // bool: y|Y|yes|Yes|YES|n|N|no|No|NO|true|…|on|On|ON|off|Off|OFF
    if matches!(lower.as_str(), "y" | "yes" | "true" | "on") {
        return Value::Bool(true);
    }
    if matches!(lower.as_str(), "n" | "no" | "false" | "off") {
        return Value::Bool(false);
    }
    // null: ~|null|Null|NULL| (empty)
    if t.is_empty() || t == "~" || lower == "null" {
        return Value::Null;
    }
    if let Some(number) = yaml11_int(t).or_else(|| yaml11_float(t)) {
        return number;
    }
    if is_timestamp(t) {
        return serde_json::json!({ "!timestamp": t });
    }
    Value::String(t.to_owned())
}

fn digits(s: &str, ok: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(|c| ok(c) || c == '_') && s.chars().any(ok)
}

/// int: [-+]?0b[0-1_]+ | [-+]?0[0-7_]+ | [-+]?(0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+
/// | [-+]?[1-9][0-9_]*(:[0-5]?[0-9])+ ; and 0o, which YAML 1.2 readers add.
fn yaml11_int(t: &str) -> Option<Value> {
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let parse = |digits_text: &str, radix: u32| {
        let clean: String = digits_text.chars().filter(|c| *c != '_').collect();
        i64::from_str_radix(&clean, radix).ok()
    };
    let magnitude = if let Some(rest) = body.strip_prefix("0b") {
        digits(rest, |c| c == '0' || c == '1').then(|| parse(rest, 2))?
    } else if let Some(rest) = body.strip_prefix("0x") {
        digits(rest, |c| c.is_ascii_hexdigit()).then(|| parse(rest, 16))?
    } else if let Some(rest) = body.strip_prefix("0o") {
        digits(rest, |c| ('0'..='7').contains(&c)).then(|| parse(rest, 8))?
    } else if body.len() > 1 && body.starts_with('0') {
        digits(&body[1..], |c| ('0'..='7').contains(&c)).then(|| parse(&body[1..], 8))?
    } else if body.contains(':') {
        let mut parts = body.split(':');
        let first = parts.next()?;
        let ok_first = digits(first, |c| c.is_ascii_digit()) && !first.starts_with('0');
        let rest: Vec<&str> = parts.collect();
        let ok_rest = rest
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()));
        if !(ok_first && ok_rest) {
            return None;
        }
        let mut value = parse(first, 10)?;
        for part in rest {
            value = value * 60 + part.parse::<i64>().ok()?;
        }
        Some(value)
    } else if body == "0" || (digits(body, |c| c.is_ascii_digit()) && !body.starts_with('_')) {
        parse(body, 10)
    } else {
        None
    }?;
    Some(Value::Number(Number::from(
        [magnitude, -magnitude][usize::from(negative)],
    )))
}

/// float: [-+]?([0-9][0-9_]*)?\.[0-9.]*([eE][-+][0-9]+)? | [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*
/// | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN); and 1e3, which many 1.1 readers take too.
fn yaml11_float(t: &str) -> Option<Value> {
    let body = t.strip_prefix(['-', '+']).unwrap_or(t);
    let lower = body.to_ascii_lowercase();
    if lower == ".inf" || lower == ".nan" {
        return Some(serde_json::json!({ "!float": t }));
    }
    let (mantissa, exponent) = match lower.find('e') {
        Some(at) => (&lower[..at], Some(&lower[at + 1..])),
        None => (lower.as_str(), None),
    };
    if let Some(exponent) = exponent {
        let e = exponent.strip_prefix(['-', '+']).unwrap_or(exponent);
        if e.is_empty() || !e.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
    }
    let only = |extra: &str| {
        mantissa
            .chars()
            .all(|c| c.is_ascii_digit() || extra.contains(c))
    };
    let looks = if mantissa.contains(':') {
        mantissa.contains('.') && only(":._") && mantissa.starts_with(|c: char| c.is_ascii_digit())
    } else {
        let has_digit = mantissa.chars().any(|c| c.is_ascii_digit());
        let point = mantissa.contains('.') || exponent.is_some();
        point && has_digit && only("._") && !mantissa.starts_with('_')
    };
    if !looks {
        return None;
    }
    let clean: String = t.chars().filter(|c| *c != '_').collect();
    match clean.parse::<f64>() {
        Ok(value) => Number::from_f64(value).map(Value::Number),
        Err(_) => Some(serde_json::json!({ "!float": t })),
    }
}

/// timestamp: [0-9]{4}-[0-9]{1,2}-[0-9]{1,2} ([Tt]|[ \t]+)… or just the date.
fn is_timestamp(t: &str) -> bool {
    let b = t.as_bytes();
    if b.len() < 8 || !b[..4].iter().all(u8::is_ascii_digit) || b[4] != b'-' {
        return false;
    }
    let (month, day_and_more) = t[5..].split_once('-').unwrap_or((&t[5..], ""));
    let day: String = day_and_more
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let after = &day_and_more[day.len()..];
    let month_ok = (1..=2).contains(&month.len()) && month.chars().all(|c| c.is_ascii_digit());
    let time = after.is_empty() || after.starts_with(['T', 't', ' ', '\t']);
    month_ok && (1..=2).contains(&day.len()) && time
}

/// Reads `text` as a YAML 1.1 reader would, into a JSON tree (numbers as
/// numbers; timestamps and special floats as `{"!timestamp": …}` markers, so
/// they differ from any JSON string).
fn read_as_yaml11(text: &str) -> Value {
    enum Frame {
        Seq(Vec<Value>),
        Map(Map<String, Value>, Option<String>),
    }
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut root = None;
    // YAML 1.1 would read a plain key too: a key that is not a string after
    // resolution is kept with a marker, so it differs.
    let place = |stack: &mut Vec<Frame>, value, root: &mut Option<Value>| match stack.last_mut() {
        None => *root = Some(value),
        Some(Frame::Seq(items)) => items.push(value),
        Some(Frame::Map(_, key @ None)) => {
            *key = Some(
                value
                    .as_str()
                    .map_or_else(|| format!("!key {value}"), str::to_owned),
            );
        }
        Some(Frame::Map(map, key)) => drop(map.insert(key.take().expect("a key"), value)),
    };
    while let Some(event) = parser.next_event() {
        let (event, _) = event.expect("the YAML output parses");
        match event {
            Event::Scalar(value, style, _, tag) => {
                assert!(tag.is_none(), "no tags in output: {value}");
                let resolved = match style {
                    ScalarStyle::Plain => resolve_plain(&value),
                    _ => Value::String(value.into_owned()),
                };
                place(&mut stack, resolved, &mut root);
            }
            Event::SequenceStart(..) => stack.push(Frame::Seq(Vec::new())),
            Event::MappingStart(..) => stack.push(Frame::Map(Map::new(), None)),
            Event::SequenceEnd | Event::MappingEnd => {
                let value = match stack.pop().expect("balanced") {
                    Frame::Seq(items) => Value::Array(items),
                    Frame::Map(map, _) => Value::Object(map),
                };
                place(&mut stack, value, &mut root);
            }
            _ => {}
        }
    }
    root.unwrap_or(Value::Null)
}

/// JSON numbers compared by value (YAML writes `102150.0` as JSON does, but
/// a reader may give an integer where JSON has a float of the same value).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

/// Plain scalars YAML 1.1 reads as something other than a string.
#[rustfmt::skip]
const RETYPED: &[&str] = &[
    "yes", "No", "ON", "off", "y", "N", "true", "~", "null", "NULL", "", "0o17", "0x1F", "1_000",
    ".5", "1e3", "1:30", "017", "-12", "190:20:30.15", "2023-06-16",
];

#[test]
fn the_yaml_11_oracle_reads_what_the_type_specs_say() {
    for word in &RETYPED[..7] {
        assert!(resolve_plain(word).is_boolean(), "{word}");
    }
    for word in &RETYPED[7..11] {
        assert!(resolve_plain(word).is_null(), "{word}");
    }
    for word in RETYPED {
        assert!(!resolve_plain(word).is_string(), "{word}");
    }
    assert_eq!(resolve_plain("1:30"), 90);
    assert!(resolve_plain("2023-06-16").is_object());
    for word in [
        "cio",
        "full-time",
        "1.x",
        "v1",
        "June 16, 2023",
        "a:b",
        "$22.33",
    ] {
        assert!(resolve_plain(word).is_string(), "{word}");
    }
}

#[test]
fn strings_yaml_11_would_retype_are_quoted_in_yaml_output() {
    let words = RETYPED.iter().chain(&["-"]);
    let value = Value::Object(
        words
            .map(|word| (word.to_string(), Value::from(*word)))
            .collect(),
    );
    let text = roles::kb::yaml::to_string(&value).expect("writes");
    assert!(same(&read_as_yaml11(&text), &value), "{text}");
}

#[test]
fn every_commands_yaml_reads_as_its_json_under_yaml_11() {
    let root = env!("CARGO_MANIFEST_DIR");
    for line in COMMANDS {
        let args: Vec<&str> = line.split(' ').collect();
        let yaml = roles(&args).current_dir(root).format("yaml").run();
        let json = roles(&args).current_dir(root).format("json").run();
        assert_eq!(yaml.code, json.code, "roles {line}");
        let read = read_as_yaml11(&yaml.stdout);
        let expected = json.stdout_json();
        let yaml = &yaml.stdout;
        let ok = same(&read, &expected);
        assert!(ok, "`roles {line}` differs under YAML 1.1\n{yaml}");
    }
}

#[test]
fn saved_answers_read_the_same_under_yaml_11() {
    let dir = temp_dir();
    let file = dir.path().join("answers.yaml");
    let run = roles(&["advise", "--no-input"]).answers("tech-company=no needs=innovation");
    run.arg("--save").arg(&file).succeeds();
    let text = std::fs::read_to_string(&file).expect("saved");
    assert_eq!(read_as_yaml11(&text)["tech-company"], "no", "{text}");
}
