from __future__ import annotations

import gzip
import os

import pytest

from crosswire.errors import BinaryInput, EmptyInput, InputTooLarge, UnreadableInput
from crosswire.ingest import files
from crosswire.model import Rejection


def test_walk_is_sorted_recursive_and_skips_hidden(tmp_path, write) -> None:
    for name in ["b.txt", "a/z.txt", "a/c.txt", ".hidden.txt", ".git/config", "a/.DS_Store"]:
        write(name, "Some words")
    found = [p for p in files.walk([str(tmp_path)]) if isinstance(p, str)]
    assert found == [str(tmp_path / "a" / "c.txt"), str(tmp_path / "a" / "z.txt"), str(tmp_path / "b.txt")]


def test_walk_rejects_missing_path_and_passes_stdin() -> None:
    items = list(files.walk(["-", "/no/such/place/at/all.txt"]))
    assert items[0] == "-"
    assert isinstance(items[1], Rejection) and items[1].code == UnreadableInput.code
    assert items[1].uri == "/no/such/place/at/all.txt"


def test_walk_survives_folder_symlink_loop(tmp_path, write) -> None:
    write("d/a.txt", "Some words")
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    found = [p for p in files.walk([str(tmp_path)]) if isinstance(p, str)]
    assert found == [str(tmp_path / "d" / "a.txt")]


def test_size_is_checked_before_reading(tmp_path, monkeypatch) -> None:
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk

    def no_open(*args, **kwargs):
        raise AssertionError("the file must not be opened")

    monkeypatch.setattr(files, "open", no_open, raising=False)
    result = files.read_file(str(big), 50 * 1024 * 1024)
    assert isinstance(result, Rejection) and result.code == InputTooLarge.code
    assert "200.0 MB" in result.reason and "50.0 MB" in result.reason


def test_gzip_limit_applies_to_decompressed_size(write) -> None:
    path = write("bomb.txt.gz", gzip.compress(b"a" * 100_000))
    result = files.read_file(path, 10_000)
    assert isinstance(result, Rejection) and result.code == InputTooLarge.code
    assert files.read_file(path, 200_000) == b"a" * 100_000


def test_corrupt_gzip_is_binary(write) -> None:
    path = write("broken.html.gz", gzip.compress(b"<html>" * 100)[:30])
    result = files.read_file(path, 10_000)
    assert isinstance(result, Rejection) and result.code == BinaryInput.code


def test_a_gz_name_on_plain_text_says_it_is_not_gzip(write) -> None:
    path = write("notes.txt.gz", b"Ferry times change\n\nThe ferry leaves at noon.")
    result = files.read_file(path, 10_000)
    assert isinstance(result, Rejection) and result.code == BinaryInput.code
    assert "not gzip data" in result.reason


def test_fifo_is_rejected_without_blocking(tmp_path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = files.read_file(str(fifo), 1000)
    assert isinstance(result, Rejection) and result.code == UnreadableInput.code
    assert "regular file" in result.reason


def test_broken_symlink_is_unreadable(tmp_path) -> None:
    os.symlink(tmp_path / "gone.txt", tmp_path / "link.txt")
    items = list(files.walk([str(tmp_path)]))
    assert items == [str(tmp_path / "link.txt")]
    result = files.read_file(items[0], 1000)
    assert isinstance(result, Rejection) and result.code == UnreadableInput.code


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_permission_denied_is_unreadable(tmp_path, write) -> None:
    path = write("secret.txt", "Some words")
    os.chmod(path, 0)
    try:
        result = files.read_file(path, 1000)
    finally:
        os.chmod(path, 0o600)
    assert isinstance(result, Rejection) and result.code == UnreadableInput.code


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n "])
def test_empty_and_blank_are_empty(write, content) -> None:
    result = files.read_file(write("blank.txt", content), 1000)
    assert isinstance(result, Rejection) and result.code == EmptyInput.code
