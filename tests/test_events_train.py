"""Training the event-type model (``dragoman.events.train``) and the features it learns from."""

import numpy as np
import pytest

from dragoman.events.features import clause_features, default_word_lists


def write_bench(folder):
    """A tiny bench folder in PLV's and the NGEC stories' formats (our own sentences)."""
    (folder / "plv").mkdir(parents=True)
    (folder / "ngec-synthetic").mkdir()
    rows = [
        (1, "<s>Police</s> arrested <t>the protesters</t> in the capital on Monday.", "COERCE"),
        (2, "<s>The rebels</s> attacked <t>an army base</t> near the border.", "ASSAULT"),
        (3, "<s>The minister</s> met <t>his Turkish counterpart</t> in Doha.", "CONSULT"),
    ]
    lines = [f"\t{n}\t{m.replace('<s>', '').replace('</s>', '').replace('<t>', '').replace('</t>', '')}\t{m}\t{t}"
             for n, m, t in rows]
    header = "\tsentence_id\tsentence\tmarked_sentence\tgold_root\n"
    (folder / "plv" / "PLV_train.tsv").write_text(header + "\n".join(lines) + "\n", "utf-8")
    stories = ('text,label,mode\n"Troops bombed a village in the north, killing ten people.",ASSAULT,AERIAL\n'
               '"The two leaders met in Geneva to discuss the crisis.",CONSULT,MEET\n')
    (folder / "ngec-synthetic" / "synthetic_events.csv").write_text(stories, "utf-8")


def test_a_parse_cache_is_written_once_and_gives_the_same_model(tmp_path):
    """``--cache`` keeps the parses as DocBins; a second run reads them back and fits the same weights."""
    pytest.importorskip("sklearn")
    from dragoman.events.train import main

    write_bench(tmp_path / "bench")
    cache = tmp_path / "cache"
    first, second = tmp_path / "first.npz", tmp_path / "second.npz"
    assert main([str(tmp_path / "bench"), "--cache", str(cache), "--out", str(first)]) == 0
    kept = sorted(p.name for p in cache.iterdir())
    assert len(kept) == 2 and all(name.endswith(".spacy") for name in kept)  # PLV sentences, story openings
    assert main([str(tmp_path / "bench"), "--cache", str(cache), "--out", str(second)]) == 0
    assert sorted(p.name for p in cache.iterdir()) == kept
    with np.load(first) as a, np.load(second) as b:
        assert a.files == b.files and all(np.array_equal(a[k], b[k]) for k in a.files)


@pytest.mark.parametrize("text, verb, negated", [
    ("The minister did not attend the summit in Doha.", "attend", True),  # a listed act, denied
    ("Officials did not know about the plan.", "know", False),  # a bare negation names no event
])
def test_only_a_listed_act_denied_has_the_negation_feature(pipeline, text, verb, negated):
    doc = pipeline.nlp(text)
    features = clause_features(next(t for t in doc if t.lemma_ == verb), default_word_lists())
    assert ("neg" in features) == negated
    assert not any(name.startswith("neg=") for name in features)
