"""Segmentation of each seed: where each article and section starts (table-driven)."""

import pytest

# (file, article, section, the segment's first words); every listed segment must exist, in this order.
EXPECTED = {
    "000_013a6d9f286b6fec.txt": [
        (0, "body", "OpenAI עובר כיום"),
        (0, "faq", "שאלות נפוצות על המהומות"),
    ],
    "001_3410858ea03e43e5.txt": [
        (0, "headline", "סם אלטמן"),
        (0, "boilerplate", "צילום: ויקיפדיה"),
        (0, "headline", "טוויסט בעלילה"),
        (0, "boilerplate", "רוי שיינמן |"),
        (0, "body", "ביום שבת דירקטוריון"),
        (0, "related", 'קיראו עוד ב"גלובל"'),
        (0, "comments", "תגובות לכתבה(1)"),
        (0, "boilerplate", "הגב לכתבה"),
        (0, "comments", "• 1."),
        (0, "boilerplate", "הגב לתגובה זו"),
        (0, "comments", "רוי היקר"),
        (1, "boilerplate", "אילון מאסק וג'נסן הואנג (אנבידיה)אילון"),
        (1, "headline", "אילון מאסק = 2 מיליון ישראלים"),
        (1, "boilerplate", "מנדי הניג |"),
        (1, "body", "אילון מאסק שווה כ-500"),
        (2, "boilerplate", "וול סטריט שור וילדה"),
        (2, "headline", "סקירה"),
        (2, "boilerplate", "צוות גלובל |"),
        (2, "body", "ברודקום נופלת"),
    ],
    "002_25063b146d92d0fe.txt": [
        (0, "boilerplate", "المصدر: Alphabet List"),
        (0, "body", "انتهى حدث البث المباشر"),
    ],
    "003_dc27bdc87947ed81.txt": [
        (0, "headline", "أزمة في OpenAI"),
        (0, "body", "تواجه شركة OpenAI"),
        (0, "faq", "الأسئلة الشائعة"),
        (0, "comments", "التعليقات 0"),
        (0, "boilerplate", "سجل دخولك لإضافة تعليق"),
    ],
    "004_a4f5bd1ab9b8c057.txt": [
        (0, "boilerplate", "المصدر: Zinc Finance"),
        (0, "body", "في الأسبوع الماضي"),
    ],
}


@pytest.mark.parametrize("file", sorted(EXPECTED))
def test_segments_of_seed(seed_corpus, file):
    doc_id = file.removesuffix(".txt")
    text = seed_corpus.text(doc_id)
    segs = seed_corpus.segments[seed_corpus.segments.doc_id == doc_id]
    got = [(r.article, r.section, text[r.start:r.end]) for r in segs.itertuples()]
    assert [(a, s) for a, s, _ in got] == [(a, s) for a, s, _ in EXPECTED[file]]
    for (_, _, seg_text), (_, _, head) in zip(got, EXPECTED[file]):
        assert seg_text.startswith(head)


def test_segments_do_not_overlap_and_cover_all_content(seed_corpus):
    for doc_id, segs in seed_corpus.segments.groupby("doc_id"):
        text = seed_corpus.text(doc_id)
        covered = bytearray(len(text))
        prev_end = 0
        for r in segs.itertuples():
            assert r.start >= prev_end
            prev_end = r.end
            covered[r.start:r.end] = b"\x01" * (r.end - r.start)
        assert all(ch.isspace() for ch, c in zip(text, covered) if not c)


def test_page_layout_is_data_driven(tmp_path):
    """A new cue phrase in data is all a new layout needs: a generic 'comments' header splits comments off."""
    from analysis.corpus.segments import segment_document

    text = "כותרת קצרה\nגוף הכתבה. עוד משפט.\nהתגובות\nתגובה של קורא\n"
    sections = [s.section for s in segment_document(text, "he")]
    assert sections == ["headline", "body", "comments"]
