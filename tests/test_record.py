import json

import jsonschema

from dragoman.record import json_schema, shipped_schema


def test_shipped_schema_is_generated_from_the_dataclasses():
    # Regenerate with: dragoman schema > src/dragoman/data/article.schema.json
    assert shipped_schema() == json_schema()


def test_record_of_the_founding_article_validates(sample_record):
    jsonschema.validate(json.loads(sample_record.to_json()), shipped_schema())


def test_schema_rejects_a_record_without_text(sample_record):
    record = sample_record.to_dict()
    del record["text"]
    try:
        jsonschema.validate(record, shipped_schema())
    except jsonschema.ValidationError as exc:
        assert "'text' is a required property" in exc.message
    else:
        raise AssertionError("a record without text validated")
