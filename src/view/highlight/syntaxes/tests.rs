use std::collections::BTreeSet;

use syntect::easy::HighlightLines;
use syntect::util::LinesWithEndings;
use two_face::theme::EmbeddedThemeName;

use super::*;

/// A sample of each language's code, by fence token.
const SAMPLES: &[(&str, &str)] = &[
    (
        "dockerfile",
        "FROM python:3.12-slim AS base\nRUN pip install x && echo \"$HOME\"\n",
    ),
    (
        "bash",
        "for f in *.txt; do echo \"${f%.txt}\"; done # done\n",
    ),
    (
        "python",
        "@app.get('/h')\ndef h(x: int = 3) -> dict:\n    return {'ok': f'{x}'}\n",
    ),
    ("toml", "[tool.x]\nname = \"a\" # c\nv = [1, 2.5]\n"),
    (
        "yaml",
        "services:\n  app:\n    image: x:1 # c\n    ports: [\"80:80\"]\n",
    ),
    ("json", "{\"a\": [1, true, null, \"s\"]}\n"),
    ("rust", "fn main() { let x: u8 = 1; println!(\"{x}\"); }\n"),
    ("go", "package main\nfunc main() { fmt.Println(\"x\") }\n"),
    ("javascript", "const f = async (x) => `a${x}`; // c\n"),
    (
        "js",
        "export default function A() { return <div a={1}>x</div>; }\n",
    ),
    ("typescript", "interface A { x: number }\n"),
    ("tsx", "const A = (p: P) => <B c={p.x} />;\n"),
    (
        "sql",
        "SELECT a, COUNT(*) FROM t WHERE b = 'x' GROUP BY a;\n",
    ),
    ("diff", "--- a\n+++ b\n@@ -1 +1 @@\n-x\n+y\n"),
    ("markdown", "# T\n\n```python\nx = 1\n```\n*e* `c`\n"),
    ("makefile", "all: x\n\tcc -o $@ $<\n"),
    ("ini", "[s]\nk = v ; c\n"),
    ("terraform", "resource \"a\" \"b\" { x = var.y }\n"),
    ("nix", "{ pkgs ? import <nixpkgs> {} }: pkgs.hello\n"),
    ("cpp", "#include <x>\nint main() { return 0; }\n"),
    ("java", "class A { void f() { int x = 1; } }\n"),
    (
        "powershell",
        "$x = Get-ChildItem -Path . | Where-Object { $_.Length -gt 1kb } # c\n",
    ),
    ("less", "@c: #fff;\n.a { .b; color: darken(@c, 10%); }\n"),
    ("html", "<p class=\"a\">x<script>let y = 1;</script></p>\n"),
    ("php", "<?php echo \"$x\"; ?>\n"),
    ("latex", "\\section{A} $x^2$ % c\n"),
    ("elixir", "def f(x), do: ~r/a+/ |> Regex.run(x)\n"),
];

/// The syntax themes termcourse ships, with two-face's names for them.
const THEMES: &[(SyntaxTheme, EmbeddedThemeName)] = &[
    (
        SyntaxTheme::CatppuccinMocha,
        EmbeddedThemeName::CatppuccinMocha,
    ),
    (SyntaxTheme::ColdarkCold, EmbeddedThemeName::ColdarkCold),
];

/// The rules and themes termcourse ships colour every sample exactly as two-face's whole set and
/// its themes (which they are made from) do.
#[test]
fn termcourse_syntaxes_colour_as_two_face_does() {
    let all = two_face::syntax::extra_newlines();
    let their_themes = two_face::theme::extra();
    for &(ours, theirs) in THEMES {
        let our_theme = theme(ours).expect("the theme loads");
        let their_theme = their_themes.get(theirs);
        for &(token, code) in SAMPLES {
            let syntax = find(token).expect(token);
            let their_syntax = all.find_syntax_by_token(token).expect(token);
            assert_eq!(syntax.reference.name, their_syntax.name, "{token}");
            let mut a = HighlightLines::new(syntax.reference, our_theme);
            let mut b = HighlightLines::new(their_syntax, their_theme);
            for line in LinesWithEndings::from(code) {
                let a = a.highlight_line(line, syntax.set).expect(token);
                let b = b.highlight_line(line, &all).expect(token);
                assert_eq!(a, b, "{token} in {ours:?}: {line:?}");
            }
        }
    }
}

/// The names of the slots that have rules in `set`.
fn with_rules(set: &SyntaxSet) -> BTreeSet<&str> {
    set.syntaxes()
        .iter()
        .map(|s| s.name.as_str())
        .filter(|name| !name.is_empty())
        .collect()
}

#[test]
fn a_language_loads_its_rules_and_what_it_embeds_only() {
    let html = language("html").expect("html");
    let set = load(&LANGUAGES[html]).expect("loads");
    let names = with_rules(&set);
    for embedded in ["HTML", "JavaScript (Babel)", "CSS"] {
        assert!(names.contains(embedded), "{names:?}");
    }
    assert!(!names.contains("Python"), "{names:?}");
    assert!(names.len() < 10, "{names:?}");
    // Every slot is there, so that links by position hold.
    assert_eq!(set.syntaxes().len(), SLOTS.len());
}

#[test]
fn every_language_loads() {
    for language in &LANGUAGES {
        let set = load(language).expect(language.name);
        assert_eq!(
            set.syntaxes()[usize::from(language.slot)].name,
            language.name
        );
        let names = with_rules(&set);
        assert_eq!(names.len(), language.closure.len(), "{}", language.name);
    }
}

#[test]
fn a_language_inside_a_loaded_set_is_served_from_it() {
    let html = find("html").expect("html");
    let css = LANGUAGES[language("css").expect("css")].slot;
    let python = LANGUAGES[language("python").expect("python")].slot;
    // HTML's set holds CSS's rules (other tests may have loaded more sets meanwhile).
    let holder = loaded_with(css).expect("a loaded set has CSS");
    assert_eq!(holder.syntaxes()[usize::from(css)].name, "CSS");
    assert_eq!(
        find("css").map(|s| s.set.syntaxes().len()),
        Some(SLOTS.len())
    );
    assert!(html.set.syntaxes()[usize::from(python)].name.is_empty());
}

#[test]
fn tokens_find_syntaxes_as_syntect_does() {
    for (token, name) in [
        ("Dockerfile", Some("Dockerfile")),
        ("py", Some("Python")),
        ("javascript", Some("JavaScript")),
        // A later syntax wins on an extension both have, as in syntect.
        ("js", Some("JavaScript (Babel)")),
        ("PS1", Some("PowerShell")),
        ("hcl", Some("Terraform")),
        ("klingon", None),
        ("glsl", None),
    ] {
        let found = language(token).map(|i| LANGUAGES[i].name);
        assert_eq!(found, name, "{token}");
    }
}
