"""spaCy's own entities as crosswire ``Entity`` records: what the event tests hand ``extract_events``
when they test events, not canonical entities."""

from __future__ import annotations

from crosswire.model import Entity, Mention


def ner_entities(doc) -> list[Entity]:  # noqa: ANN001 - a spaCy Doc
    return [
        Entity(
            id=e.text.lower(),
            name=e.text,
            kind=e.label_,
            mentions=(Mention(e.text.lower(), e.start_char, e.end_char, e.text),),
        )
        for e in doc.ents
    ]
