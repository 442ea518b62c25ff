"""The reader's compact bookkeeping (analysis/corpus/bookkeeping.py) answers as a dict and a list would."""

import random

import pytest

from analysis.corpus.bookkeeping import FileNames, SeenKeys, key_of


@pytest.mark.parametrize("recent", [1, 3, 64, 16_384])
def test_seen_keys_answer_as_a_dict_across_merges(recent):
    rng = random.Random(recent)
    seen, reference = SeenKeys(), {}
    seen.RECENT = recent
    # random keys, keys ending in NUL bytes (an S16 item loses them), and keys added twice
    keys = [rng.randbytes(16) for _ in range(300)] + [rng.randbytes(k) + b"\0" * (16 - k) for k in range(1, 16)]
    keys += rng.sample(keys, 40)
    rng.shuffle(keys)
    for number, key in enumerate(keys):
        assert seen.get(key) == reference.get(key)
        seen.add(key, number)
        reference.setdefault(key, number)  # the first number stays
    assert len(seen) == len(reference)
    for key, number in reference.items():
        assert seen.get(key) == number and key in seen
    for key in (rng.randbytes(16) for _ in range(200)):
        assert seen.get(key) is None and key not in seen
    assert seen.get(b"\0" * 16) is None  # stripped to b"" it must not match a shorter stored key


def test_seen_keys_take_16_bytes_only():
    with pytest.raises(ValueError, match="16 bytes, not 32"):
        SeenKeys().add(b"x" * 32, 0)


def test_key_of_tells_doc_ids_apart():
    ids = ["doc1", "doc01", "מאמר-1", "مقال-1", "מאמר-1 ", ""]
    assert len({key_of(i) for i in ids}) == len(ids)


def test_file_names_read_like_the_list_they_came_from(monkeypatch):
    monkeypatch.setattr(FileNames, "STEP", 3)  # iteration crosses steps
    names = [f"{i:03d}-{w}.txt" for i, w in enumerate(["ידיעה", "خبر", "news", "x"] * 5)]
    held = FileNames(names)
    assert list(held) == names and len(held) == 20 and held[7] == names[7] and held[-1] == names[-1]
    assert list(FileNames([])) == [] and not FileNames([])
