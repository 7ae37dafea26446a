"""The content check's hints for a link to a missing anchor, and the boxes (``!!! note``) that
Markdown breaks without a word: each on a fixture copied over tests/fixtures/contentcheck/valid/,
with the exact ``file:line: message`` an editor reads."""

from __future__ import annotations

import pytest

from test_contentcheck import findings_of, fixture_tree
from wilguide.contentcheck.paragraph_length import long_paragraphs

SOURCE_ID = ("(a source's ID is the { #… } at the end of its ### heading on the references page: copy it from the "
             "source's entry, or add the entry if the source is new)")


def test_a_missing_anchor_gets_the_id_it_was_cut_from_or_where_sources_keep_their_ids(tmp_path):
    assert findings_of(fixture_tree(tmp_path, "anchor-hints")) == [
        "docs/en/index.md:15: broken link 'references.md#bher-consultation': docs/en/references.md has no anchor "
        "#bher-consultation; did you mean #bher-consultation-2020?",
        "docs/en/index.md:16: broken link 'references.md#statcan-2021': docs/en/references.md has no anchor "
        "#statcan-2021; did you mean #statcan-2020?",
        "docs/en/index.md:17: broken link 'references.md#ohrc-ableism-2016': docs/en/references.md has no anchor "
        f"#ohrc-ableism-2016 {SOURCE_ID}",
        "docs/en/index.md:18: link '#feat': there is no anchor #feat on this page; did you mean #featured?",
        "docs/en/index.md:19: broken link 'guide.md#what-to-say': docs/en/guide.md has no anchor #what-to-say (its H2 "
        "IDs: #what-to-do, #tools)",
        f"docs/fr/references.md:11: link '#traes-2020': there is no anchor #traes-2020 on this page {SOURCE_ID}",
    ]


@pytest.mark.parametrize(
    ("anchor", "meant"),
    [
        ("ohrc-ableism", "ohrc-ableism-2016"),  # the year left out
        ("ohrc-ableism-2015", "ohrc-ableism-2016"),
        ("ohrc-ablism-2016", "ohrc-ableism-2016"),
        ("two-words", "two_words"),  # another separator: a near-certain typo, whatever the first word
        ("statcan", None),  # the start of two IDs: either may be meant
        ("what-to-say", None),  # another word, not a typo: a guess would lead to the wrong section
    ],
)
def test_the_closest_anchor_is_a_cut_short_id_or_a_near_certain_typo(anchor, meant):
    from wilguide.contentcheck.links import _closest_anchor

    anchors = ["ohrc-ableism-2016", "ohrc-pregnancy", "statcan-2020", "statcan-daily-2020", "two_words", "what-to-do"]
    assert _closest_anchor(anchor, anchors) == meant


def test_boxes_that_markdown_would_end_early_title_in_english_or_show_as_text(tmp_path):
    # Quiet: list continuation lines and code inside a box, a box inside a list item or a tab with
    # text after it, Material's placement words, a box inside a box.
    assert findings_of(fixture_tree(tmp_path, "box-bodies")) == [
        "docs/en/guide.md:19: this line is indented by 3 spaces: the box opened at line 16 ends here: indent it by four "
        "spaces to keep it in the box",
        "docs/en/guide.md:50: the box's title must be in double quotes: !!! example \"Conversation starters\" (without "
        "them, the box is titled \"Example\", in English)",
        "docs/en/guide.md:53: a box starts with three exclamation marks: !!! example \"Two marks\"",
        "docs/en/guide.md:56: a box starts with three exclamation marks: !!! note \"Four marks\"",
        "docs/en/guide.md:61: this line is indented by 2 spaces: the box opened at line 59 ends here: indent it by four "
        "spaces to keep it in the box",
        "docs/en/guide.md:63: the box's title must be in double quotes: ???+ tip \"Open by default\" (without them, the "
        "box is titled \"Tip\", in English)",
        "docs/en/guide.md:71: this line is indented by 6 spaces: the box opened at line 69 ends here: indent it by 8 "
        "spaces to keep it in the box",
        "docs/fr/guide.md:20: the box's title must be in double quotes: !!! tip \"Notre conseil\" (without them, the "
        "line shows as plain text, not as a box)",
    ]


def test_a_list_item_right_under_a_sentence_is_reported_where_markdown_would_show_it_as_text(tmp_path):
    """Python-Markdown starts a list only at the start of a block: an item right under a sentence, or
    under an item's second paragraph, renders as that paragraph's text, dashes and all (the Indigenous
    students list on Inclusive mentoring printed so). Quiet: a list after a blank line, a heading,
    a box's or a tab's title; nested items; a table cell or code that starts with a dash."""
    assert findings_of(fixture_tree(tmp_path, "list-starts")) == [
        "docs/en/guide.md:10: this list item follows line 9 without a blank line, so it shows as text in that paragraph "
        '("- Set the rhythm."): leave an empty line above it',
        "docs/en/guide.md:16: this list item follows line 15 without a blank line, so it shows as text in that paragraph "
        '("- **Self-identification.** The student\'s…"): leave an empty line above it',
        "docs/en/guide.md:20: this list item follows line 19 without a blank line, so it shows as text in that paragraph "
        '("1. A badge."): leave an empty line above it',
    ]


def test_a_paragraph_or_list_item_over_a_hundred_words_is_reported_at_its_first_line(tmp_path):
    """Long paragraphs lose a reader on a phone. Counted: the words read, over every line of a
    wrapped paragraph, a list item apart from its continuation paragraph. Quiet: exactly a hundred
    words (a link's address and an attribute list are not read), code, and the references page."""
    assert findings_of(fixture_tree(tmp_path, "paragraph-length")) == [
        'docs/en/guide.md:12: this paragraph has 101 words, more than 100, too long to follow on a phone ("Meet the '
        'student each week and…"): split it where its thought turns, or make a list of it',
        'docs/en/guide.md:17: this paragraph has 101 words, more than 100, too long to follow on a phone ("Weekly. Meet '
        'the student each week…"): split it where its thought turns, or make a list of it',
    ]


def test_a_long_checklist_item_is_not_a_paragraph_to_split():
    """A checklist item is one thing to tick, worded to stand alone on paper: its length is not
    this rule's business (the paragraph right under it is)."""
    item = "- [ ] " + "Check the badge. " * 50
    paragraph = "Check the badge. " * 50
    lines = [item, "", paragraph]
    assert long_paragraphs(lines, lines) == [(3, 150, "Check the badge. Check the badge.")]
