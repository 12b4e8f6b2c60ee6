"""Untitled Argdown paragraphs that relate to nothing are prose, not claims (as in Argdown's map)."""

from __future__ import annotations

from argmap.readers.argdown import read_text

TEXT = """# Heading

This paragraph only explains the document.

[Named]: A titled statement stands on its own.

[Target]: The claim under discussion.
  + An untitled reason for it.

<Arg>

(1) An untitled premise.
(2) [Target]
----
(3) [Conclusion]: Something follows.

Another paragraph of prose, with a #tag.
"""


def test_prose_paragraphs_are_not_claims():
    m, sourcemap = read_text(TEXT)
    texts = {c.text for c in m.claims}
    assert "This paragraph only explains the document." not in texts
    assert not any(t.startswith("Another paragraph") for t in texts)
    # what takes part in the argument stays, titled or not
    assert {"A titled statement stands on its own.", "An untitled reason for it.", "An untitled premise."} <= texts
    # generated ids keep Argdown's numbering, so they agree with its JSON export
    assert {c.id for c in m.claims if c.id.startswith("Untitled")} == {"Untitled-2", "Untitled-3"}
    # positions still belong to the claims they name
    lines = TEXT.splitlines()
    for k, claim in enumerate(m.claims):
        assert claim.text[:20] in lines[sourcemap.find(("claims", k)).line - 1], claim
