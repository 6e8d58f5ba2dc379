"""deck's stable GUIDs are exactly uuid.uuid5's (written out so a build need not import uuid)."""

import uuid

from hypothesis import given
from hypothesis import strategies as st

from deck.pptx.text import stable_guid

NAMESPACE = uuid.UUID("6f0b3a52-4c0e-4f7e-9d55-3d1f0c0de0c1")


@given(st.lists(st.one_of(st.text(), st.integers(), st.none()), min_size=1, max_size=4))
def test_stable_guid_is_uuid5_of_the_parts(parts):
    text = "\x1f".join(str(p) for p in parts)
    assert stable_guid(*parts) == "{" + str(uuid.uuid5(NAMESPACE, text)).upper() + "}"
