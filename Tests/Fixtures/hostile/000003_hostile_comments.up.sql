-- Comments and defaults that try to end a doc comment or a string literal and inject code.
-- This file has CRLF line ends.
CREATE TABLE notes (
    id integer PRIMARY KEY,
    body text NOT NULL DEFAULT E'*/ \\( """ \r\npublic static let injectedDefault = "x"',
    title text DEFAULT E'line\u2028public static let injected2028 = 1',
    other text DEFAULT E'\u0085public static let injected85 = 1',
    multi text DEFAULT 'first line
public static let injectedMultiDefault = 1',
    separated text DEFAULT 'x public static let injectedRawLS = 1public static let injectedRawNEL = 1public static let injectedRawFF = 1
public static let injectedRawCR = 1'
);
COMMENT ON TABLE notes IS E'The notes.\rpublic static let injectedTable = "x"';
COMMENT ON COLUMN notes.body IS E'The body.\rpublic static let injected = "x"';
COMMENT ON COLUMN notes.title IS E'a\u2028public static let injectedLS = 1\u2029public static let injectedPS = 1';
COMMENT ON COLUMN notes.other IS E'a\u0085public static let injectedNEL = 1\fpublic static let injectedFF = 1\013public static let injectedVT = 1';
COMMENT ON COLUMN notes.id IS 'A comment
over several lines, written with CRLF,
with */ and \( and """ and ` and a bidi override: ‮evil';
COMMENT ON TYPE equatable IS E'An enum.\r\n\rpublic enum Injected {}';
