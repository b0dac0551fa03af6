//! Terminal sizes as written on the command line: `80x24`, or a list `80x24,120x40`.

use std::fmt;
use std::str::FromStr;

use thiserror::Error;

/// Larger screens are refused: nobody snapshots them, and the buffers grow with the area.
pub const MAX_SIDE: u16 = 1000;

/// A terminal size in cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Size {
    pub width: u16,
    pub height: u16,
}

impl Size {
    pub const fn new(width: u16, height: u16) -> Self {
        Self { width, height }
    }
}

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}x{}", self.width, self.height)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SizeError {
    #[error("`{0}` is not a size: expected WIDTHxHEIGHT, like 80x24")]
    Syntax(String),
    #[error("`{0}`: width and height must each be between 1 and {MAX_SIDE}")]
    OutOfRange(String),
    #[error("no size given: expected a list like 80x24,120x40")]
    Empty,
}

impl FromStr for Size {
    type Err = SizeError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        let syntax = || SizeError::Syntax(text.to_owned());
        let (w, h) = text.split_once(['x', 'X']).ok_or_else(syntax)?;
        let side = |s: &str| -> Result<u16, SizeError> {
            if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(syntax());
            }
            match s.parse::<u16>() {
                Ok(n) if (1..=MAX_SIDE).contains(&n) => Ok(n),
                _ => Err(SizeError::OutOfRange(text.to_owned())),
            }
        };
        Ok(Self::new(side(w)?, side(h)?))
    }
}

/// Parses a comma-separated list of sizes, dropping repeats and keeping the first order.
pub fn parse_sizes(text: &str) -> Result<Vec<Size>, SizeError> {
    let mut sizes = Vec::new();
    for part in text.split(',').filter(|p| !p.trim().is_empty()) {
        let size: Size = part.parse()?;
        if !sizes.contains(&size) {
            sizes.push(size);
        }
    }
    if sizes.is_empty() {
        return Err(SizeError::Empty);
    }
    Ok(sizes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sizes() {
        assert_eq!("80x24".parse(), Ok(Size::new(80, 24)));
        assert_eq!(" 120X40 ".parse(), Ok(Size::new(120, 40)));
        assert_eq!(Size::new(100, 30).to_string(), "100x30");
    }

    #[test]
    fn rejects_malformed_and_out_of_range_sizes() {
        for bad in ["80", "80x", "x24", "80*24", "-1x5", "+80x24", "80x24x2", ""] {
            assert!(
                matches!(bad.parse::<Size>(), Err(SizeError::Syntax(_))),
                "{bad}"
            );
        }
        for bad in ["0x24", "80x0", "1001x24", "99999999x2"] {
            assert!(
                matches!(bad.parse::<Size>(), Err(SizeError::OutOfRange(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn parses_lists_without_repeats() {
        assert_eq!(
            parse_sizes("80x24,120x40,80x24,"),
            Ok(vec![Size::new(80, 24), Size::new(120, 40)])
        );
        assert_eq!(parse_sizes(" , "), Err(SizeError::Empty));
        assert!(matches!(
            parse_sizes("80x24,big"),
            Err(SizeError::Syntax(_))
        ));
    }
}
