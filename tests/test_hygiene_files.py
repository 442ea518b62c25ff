"""Files: stray NULs are read, exact copies load once, near-identical copies are flagged (without n² work)."""

import random
import time
import warnings

import pytest

from analysis import CorpusWarning, load_corpus
from analysis.corpus.documents import near_duplicates
from conftest import SEEDS

pytestmark = pytest.mark.filterwarnings("ignore::analysis.CorpusWarning")

SEED_AR = (SEEDS / "002_25063b146d92d0fe.txt").read_text(encoding="utf-8")
SEED_HE = (SEEDS / "001_3410858ea03e43e5.txt").read_text(encoding="utf-8")


def load(path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_corpus(path)
    return corpus, [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)]


# --- task 3: NULs ----------------------------------------------------------------------------------------------

def test_a_few_stray_nuls_are_read_and_kept(tmp_path):
    at = [100, 2000, 4000]
    text = SEED_HE
    for k in reversed(at):
        text = text[:k] + "\x00" + text[k:]
    (tmp_path / "nuls.txt").write_text(text, encoding="utf-8")
    corpus, messages = load(tmp_path)
    assert corpus.skipped.empty
    doc = corpus.documents.set_index("file").loc["nuls.txt"]
    assert "nul(3)" in doc["flags"] and doc["n_chars"] == len(text)
    assert [i for i, c in enumerate(corpus.text("nuls")) if c == "\x00"] == [100, 2001, 4002]  # offsets index the file
    assert f"{tmp_path / 'nuls.txt'}: holds 3 NUL character(s); read as text, the NULs are kept so offsets still " \
           "index the file" in messages
    for s in corpus.sentences.itertuples():
        assert text[s.start:s.end] == s.text
    assert len(corpus.claims) > 10


@pytest.mark.parametrize("data", [
    b"abc\x00def " * 20,                                   # valid UTF-8, but 11 % NUL
    b"\x89PNG\r\n\x1a\n" + bytes(200),                     # an image
    b"\xef\xbb\xbf" + bytes(500),                          # a BOM, then nothing but NULs
    SEED_HE[:300].encode() + bytes(100),                   # text, then a run of zeros
])
def test_binary_files_are_still_skipped(tmp_path, data):
    (tmp_path / "bin.txt").write_bytes(data)
    corpus, messages = load(tmp_path / "bin.txt")
    assert corpus.documents.empty
    assert "binary" in corpus.skipped.iloc[0]["reason"] or "not valid" in corpus.skipped.iloc[0]["reason"]


# --- task 4: duplicates ----------------------------------------------------------------------------------------

def test_exact_copies_load_once(tmp_path):
    (tmp_path / "a.txt").write_text(SEED_AR, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SEED_AR, encoding="utf-8")                        # same bytes
    crlf = "\r\n".join(line + "  " for line in SEED_AR.split("\n")) + "\r\n\r\n"
    (tmp_path / "c.txt").write_bytes(b"\xef\xbb\xbf" + crlf.encode())                 # BOM, CRLF, trailing blanks
    (tmp_path / "d.txt").write_bytes(SEED_AR.encode("cp1256", errors="strict"))      # another encoding
    (tmp_path / "e.txt").write_text(SEED_HE, encoding="utf-8")
    corpus, messages = load(tmp_path)
    assert corpus.documents["file"].tolist() == ["a.txt", "e.txt"]
    assert corpus.skipped.set_index("file")["reason"].to_dict() == {
        "b.txt": "duplicate of a.txt", "c.txt": "duplicate of a.txt", "d.txt": "duplicate of a.txt"}
    assert f"{tmp_path / 'b.txt'}: skipped: duplicate of {tmp_path / 'a.txt'} (same bytes)" in messages
    assert any(m.startswith(f"{tmp_path / 'c.txt'}: skipped: duplicate of {tmp_path / 'a.txt'} (same text")
               for m in messages)
    assert not corpus.documents["flags"].str.contains("near_duplicate").any()


def test_the_first_in_sorted_order_is_kept_even_when_the_copy_has_the_manifest_row(tmp_path):
    (tmp_path / "a.txt").write_text(SEED_AR, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SEED_AR, encoding="utf-8")
    (tmp_path / "SOURCES.csv").write_text("file,lang\nb.txt,ar\n", encoding="utf-8")
    corpus, messages = load(tmp_path)
    assert corpus.documents["file"].tolist() == ["a.txt"]
    assert corpus.skipped["reason"].tolist() == ["duplicate of a.txt"]
    assert not (corpus.problems["level"] == "error").any()  # b.txt's row names a file that exists


def test_near_identical_copies_both_load_flagged(tmp_path):
    body = SEED_AR.split("\n")
    (tmp_path / "site1.txt").write_text("\n".join(["موقع الأخبار الأول", *body, "جميع الحقوق محفوظة للموقع الأول"]),
                                        encoding="utf-8")
    (tmp_path / "site2.txt").write_text("\n".join(["Tech News Arabia | تقنية", *body[:-1], "شاركوا المقال مع أصدقائكم",
                                                   "© 2025 Tech News Arabia"]), encoding="utf-8")
    (tmp_path / "half.txt").write_text("\n".join(body[: len(body) // 2]), encoding="utf-8")  # a part: no flag
    (tmp_path / "other.txt").write_text(SEED_HE, encoding="utf-8")
    corpus, _ = load(tmp_path)
    flags = corpus.documents.set_index("file")["flags"]
    assert len(flags) == 4 and corpus.skipped.empty
    assert "near_duplicate(site2.txt)" in flags["site1.txt"]
    assert "near_duplicate(site1.txt)" in flags["site2.txt"]
    assert "near_duplicate" not in flags["half.txt"] and "near_duplicate" not in flags["other.txt"]


def test_near_duplicates_at_scale_compare_only_candidates():
    """10,000 texts sharing a footer, 40 planted copies: a few dozen comparisons, not 5 * 10^7."""
    rng = random.Random(7)
    vocab = [f"w{rng.getrandbits(40):x}" for _ in range(20000)]
    footer = "كل الحقوق محفوظة اشترك في النشرة البريدية لتصلك آخر الأخبار"  # in every text: never a candidate
    texts = {f"{i:05d}.txt": " ".join(rng.choices(vocab, k=200)) + "\n" + footer for i in range(10_000)}
    planted = set()
    for k, i in enumerate(rng.sample(range(10_000), 40)):
        original = f"{i:05d}.txt"
        texts[f"copy{k:02d}.txt"] = f"Syndicated by site {k}\n" + texts[original].split("\n")[0] + "\nRead more"
        planted.add(frozenset((original, f"copy{k:02d}.txt")))
    stats = {}
    start = time.perf_counter()
    found = near_duplicates(texts, stats=stats)
    elapsed = time.perf_counter() - start
    assert {frozenset((a, b)) for a, others in found.items() for b in others} == planted
    assert stats == {"texts": 10_040, "compared": 40}
    assert elapsed < 30  # about 1 s on the project's machine


def test_near_duplicate_threshold_is_ninety_percent_of_each():
    words = [f"w{i}" for i in range(1000)]
    base = " ".join(words)
    assert near_duplicates({"a": base, "b": " ".join(words[:960])}) == {"a": ["b"], "b": ["a"]}  # 96 %
    assert near_duplicates({"a": base, "b": " ".join(words[:850])}) == {}  # 85 % of a
    assert near_duplicates({"a": "short text", "b": "short text"}) == {"a": ["b"], "b": ["a"]}
    assert near_duplicates({"a": "", "b": "!!!"}) == {}
