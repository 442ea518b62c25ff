"""Bad input: every kind is reported with the file and reason, and nothing else is lost."""

import shutil
import warnings

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from analysis import CorpusError, CorpusWarning, load_corpus
from conftest import SEEDS

# These tests create bad files on purpose: the warnings they raise are asserted where they matter.
pytestmark = pytest.mark.filterwarnings("ignore::analysis.CorpusWarning")

HE = "OpenAI גייסה 6.6 מיליארד דולר לפי שווי של 157 מיליארד דולר. החברה צופה הפסד השנה.\n"
AR = "أعلنت xAI عن استكمال تمويل من السلسلة C بقيمة 6 مليارات دولار، وفقًا لـ CNBC.\n"



def he(n: int) -> str:
    """A Hebrew article of its own (files with the same text are duplicates, loaded once)."""
    return HE.replace("6.6", f"{n}.6")


def ar(n: int) -> str:
    return AR.replace("6 مليارات", f"{n} مليارات")


# (file name, bytes, expected encoding or None when skipped, expected reason fragment or warning fragment)
CASES = [
    ("utf8.txt", he(1).encode(), "utf-8", None),
    ("utf8_bom.txt", b"\xef\xbb\xbf" + ar(1).encode(), "utf-8-sig", None),
    ("crlf.txt", he(2).replace("\n", "\r\n").encode(), "utf-8", None),
    ("cp1255.txt", he(3).encode("cp1255"), "cp1255", "decoded as cp1255"),
    ("cp1256.txt", ar(2).encode("cp1256"), "cp1256", "decoded as cp1256"),
    ("utf16_bom.txt", ar(3).encode("utf-16"), "utf-16", "decoded as utf-16"),
    ("utf16le_nobom.txt", he(4).encode("utf-16-le"), "utf-16-le", "decoded as utf-16-le"),
    ("empty.txt", b"", None, "empty file"),
    ("blank.txt", b"  \n\r\n ", None, "empty file"),
    ("binary.bin", bytes(range(256)) * 8, None, "undecodable or binary"),
    ("image.png", b"\x89PNG\r\n\x1a\n" + bytes(200), None, "binary"),
    ("nul.txt", b"abc\x00def " * 20, None, "binary"),
    ("bom_binary.txt", b"\xef\xbb\xbf" + bytes(range(256)) * 2, None, "not valid UTF-8"),
    ("bom_nuls.txt", b"\xef\xbb\xbf" + bytes(300), None, "binary"),
    ("bom16_odd.txt", b"\xff\xfe" + "שלום".encode("utf-16-le") + b"\x00", None, "not valid UTF-16"),
]
TEXTS = {he(n) for n in range(1, 5)} | {ar(n) for n in range(1, 4)}


@pytest.fixture
def bad_folder(tmp_path):
    for name, data, _, _ in CASES:
        (tmp_path / name).write_bytes(data)
    return tmp_path


def test_each_bad_input_is_reported_and_the_rest_loads(bad_folder):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_corpus(bad_folder)
    messages = [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)]
    loaded = corpus.documents.set_index("file")
    skipped = corpus.skipped.set_index("file")["reason"]
    for name, _, encoding, fragment in CASES:
        if encoding is None:
            assert name not in loaded.index
            assert fragment in skipped[name]
            assert any(name in m and fragment in m for m in messages), name
        else:
            assert loaded.loc[name, "encoding"] == encoding
            if fragment:
                assert any(name in m and fragment in m for m in messages), name
    assert len(loaded) + len(skipped) == len(CASES)


@pytest.mark.parametrize("name", [n for n, _, enc, _ in CASES if enc])
def test_decoded_text_is_exact(bad_folder, name):
    corpus = load_corpus(bad_folder / name)
    text = corpus.docs[name.removesuffix(".txt")].text
    assert text.replace("\r\n", "\n") in TEXTS


def test_strict_raises_on_bad_file(bad_folder):
    with pytest.raises(CorpusError, match=r"binary.bin: skipped: .*binary"):
        load_corpus(bad_folder, strict=True)


def test_file_without_manifest_row_loads_with_warning(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "seeds" / "new_article.txt").write_text(AR, encoding="utf-8")
    with pytest.warns(CorpusWarning, match="new_article.txt: no row in SOURCES.csv"):
        corpus = load_corpus(tmp_path / "seeds")
    row = corpus.documents.set_index("file").loc["new_article.txt"]
    assert row["lang"] == "ar" and not row["in_manifest"] and "no_manifest_row" in row["flags"]
    assert len(corpus.documents) == 6


def test_manifest_row_without_file_is_an_error_naming_it(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "seeds" / "002_25063b146d92d0fe.txt").unlink()
    with pytest.warns(CorpusWarning, match="lists 002_25063b146d92d0fe.txt, but .* does not exist"):
        corpus = load_corpus(tmp_path / "seeds")
    assert corpus.problems.iloc[0]["level"] == "error"
    assert "002_25063b146d92d0fe.txt" in corpus.skipped["file"].tolist()
    assert len(corpus.documents) == 4
    with pytest.raises(CorpusError, match="002_25063b146d92d0fe.txt"):
        load_corpus(tmp_path / "seeds", strict=True)


def test_changed_file_is_flagged(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    path = tmp_path / "seeds" / "003_dc27bdc87947ed81.txt"
    path.write_bytes(path.read_bytes() + b"\n")
    with pytest.warns(CorpusWarning, match="sha256 differs"):
        corpus = load_corpus(tmp_path / "seeds")
    assert "sha256_mismatch" in corpus.documents.set_index("file").loc[path.name, "flags"]


def test_manifest_without_its_required_column_is_reported_once(tmp_path):
    (tmp_path / "a.txt").write_text(HE, encoding="utf-8")
    (tmp_path / "SOURCES.csv").write_text("doc_id,lang\na,he\n", encoding="utf-8")
    with pytest.warns(CorpusWarning, match=r"SOURCES.csv, line 1: missing column\(s\) file"):
        corpus = load_corpus(tmp_path)
    assert len(corpus.documents) == 1
    assert corpus.problems["level"].tolist() == ["error", "warning"]  # the manifest, then "no usable SOURCES.csv"


def test_missing_path_raises_clear_error(tmp_path):
    with pytest.raises(CorpusError, match="no such file or folder"):
        load_corpus(tmp_path / "nope")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_random_bytes_load_or_are_skipped_with_a_reason(tmp_path, data):
    path = tmp_path / "random.txt"
    path.write_bytes(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(path)
    assert len(corpus.documents) + len(corpus.skipped) == 1
    if len(corpus.skipped):
        assert corpus.skipped.iloc[0]["reason"]
    else:
        text = corpus.docs["random"].text
        for seg in corpus.segments.itertuples():
            assert 0 <= seg.start < seg.end <= len(text)
        for s in corpus.sentences.itertuples():
            assert text[s.start:s.end] == s.text
