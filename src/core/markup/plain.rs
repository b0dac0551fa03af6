//! Markdown as the words a reader sees, one string per block (a paragraph, heading, list item,
//! table cell, or line of code): what search looks through and quotes, so a hit reads like
//! the narration instead of its source (no `**`, backticks or hard wraps).

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::MARKDOWN_OPTIONS;

/// The blocks of `md` as plain text, in order, blank ones left out. Emphasis, links and code
/// spans keep their words; HTML tags and images' addresses are dropped; soft and hard line
/// breaks within a block become spaces; a code block gives one string per line.
pub fn plain_blocks(md: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current = String::new();
    let mut in_code = false;
    let flush = |current: &mut String, blocks: &mut Vec<String>| {
        let text = current.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            blocks.push(text);
        }
        current.clear();
    };
    for event in Parser::new_ext(md, MARKDOWN_OPTIONS) {
        match event {
            Event::Text(text) if in_code => {
                for line in text.lines() {
                    current.push_str(line);
                    flush(&mut current, &mut blocks);
                }
            }
            Event::Text(text) | Event::Code(text) => current.push_str(&text),
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            Event::Start(Tag::CodeBlock(_)) => {
                flush(&mut current, &mut blocks);
                in_code = true;
            }
            Event::End(TagEnd::CodeBlock) => {
                flush(&mut current, &mut blocks);
                in_code = false;
            }
            Event::Start(Tag::Item | Tag::TableCell | Tag::Heading { .. })
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_),
            ) => flush(&mut current, &mut blocks),
            _ => {}
        }
    }
    flush(&mut current, &mut blocks);
    blocks
}

#[cfg(test)]
mod tests {
    use super::plain_blocks;

    #[test]
    fn markup_goes_and_wrapped_lines_join() {
        let md = "A `sha256` digest **and**\nthe tag never\nchange.\n\n- **Bake**: `COPY models/`\n- two";
        assert_eq!(
            plain_blocks(md),
            [
                "A sha256 digest and the tag never change.",
                "Bake: COPY models/",
                "two"
            ]
        );
    }

    #[test]
    fn code_blocks_give_a_line_each_and_headings_stand_alone() {
        let md = "# Title\n\nText <b>bold</b>.\n\n```dockerfile\nFROM x\n\nRUN  y\n```\n| a | b |\n|---|---|\n| c | d |\n";
        assert_eq!(
            plain_blocks(md),
            ["Title", "Text bold.", "FROM x", "RUN y", "a", "b", "c", "d"]
        );
    }
}
