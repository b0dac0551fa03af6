use super::*;

fn titles(md: &str) -> Vec<String> {
    segments(md)
        .into_iter()
        .map(|s| match s {
            Segment::Markdown(text) => format!("md:{}", text.trim()),
            Segment::Reveal { title, body } => format!("reveal:{title}:{}", body.trim()),
        })
        .collect()
}

#[test]
fn text_without_details_is_one_segment() {
    assert_eq!(
        segments("plain *text*"),
        [Segment::Markdown("plain *text*")]
    );
    assert_eq!(
        segments("`<details>` in code\n\n```html\n<details>\n```\n").len(),
        1
    );
}

#[test]
fn details_blocks_are_cut_out_with_their_summary() {
    let md = "Before.\n\n<details>\n<summary>Solution</summary>\n\nRun `x`.\n\n```sh\nx\n```\n\n</details>\n\nAfter.";
    assert_eq!(
        titles(md),
        [
            "md:Before.",
            "reveal:Solution:Run `x`.\n\n```sh\nx\n```",
            "md:After."
        ]
    );
}

#[test]
fn one_line_forms_nesting_and_missing_parts() {
    assert_eq!(
        titles("<details><summary><b>Hint</b>  one</summary>body</details>"),
        ["reveal:Hint one:body"]
    );
    assert_eq!(
        titles(
            "<DETAILS>\n<summary>Outer</summary>\n\n<details><summary>Inner</summary>x</details>\n\n</DETAILS>\nrest"
        ),
        [
            "reveal:Outer:<details><summary>Inner</summary>x</details>",
            "md:rest"
        ]
    );
    assert_eq!(
        titles("<details>\n\nno summary\n</details>"),
        ["reveal:Details:no summary"]
    );
    assert_eq!(
        titles("a\n\n<details><summary>Open</summary>\n\nnever closed"),
        ["md:a", "reveal:Open:never closed"]
    );
}

#[test]
fn bodies_inside_list_items_lose_their_indentation() {
    let md =
        "- item\n\n  <details>\n  <summary>S</summary>\n\n      code\n  text\n\n  </details>\n";
    let reveal = segments(md)
        .into_iter()
        .find_map(|s| match s {
            Segment::Reveal { body, .. } => Some(body),
            Segment::Markdown(_) => None,
        })
        .expect("a reveal block");
    assert!(reveal.contains("\n    code\ntext"), "{reveal:?}");
}

#[test]
fn tags_are_found_with_their_ranges() {
    let text = "a <br/> <Div class=\"x\">b</div> <3 <!-- c --> < p>";
    let found: Vec<(String, bool, &str)> = tags(text)
        .into_iter()
        .map(|t| (t.name, t.closing, &text[t.range]))
        .collect();
    assert_eq!(
        found,
        [
            ("br".to_owned(), false, "<br/>"),
            ("div".to_owned(), false, "<Div class=\"x\">"),
            ("div".to_owned(), true, "</div>"),
        ]
    );
    assert!(only_line_breaks("<br>"));
    assert!(only_line_breaks(" <br/> <BR>\n"));
    assert!(!only_line_breaks("<br> x"));
    assert!(!only_line_breaks("<b>"));
}

#[test]
fn unsupported_html_and_images_are_found_where_they_start() {
    let md = "Intro <kbd>Ctrl</kbd>-C and<br>more.\n\n<div align=\"center\">\n<p>x</p>\n</div>\n\n![diagram](d.png)\n\n<!-- a note -->\n\n<details><summary>S</summary>ok</details>\n\n`<span>` is code.";
    let found = unsupported(md);
    let shown: Vec<(&str, &str)> = found
        .iter()
        .map(|u| (u.needle(), &md[u.at()..u.at() + u.needle().len()]))
        .collect();
    assert_eq!(
        shown,
        [
            ("<kbd", "<kbd"),
            ("<div", "<div"),
            ("![", "!["),
            ("<!", "<!")
        ]
    );
    assert!(unsupported("plain text, a < b, and <br> only").is_empty());
}
