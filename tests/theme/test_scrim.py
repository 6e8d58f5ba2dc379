"""The scrim over a background picture: the least veil at which every text colour set on the
background keeps WCAG AA on every part of the picture."""

from hypothesis import given
from hypothesis import strategies as st

from deck.theme.contrast import AA, contrast, on_background, scrim_alpha, veiled
from deck.theme.load import load_builtin

COLOUR = st.integers(0, 0xFFFFFF).map(lambda n: f"{n:06X}")


@given(pixels=st.lists(COLOUR, min_size=1, max_size=12), name=st.sampled_from(["default", "dark"]))
def test_the_veil_is_just_enough_for_every_text_colour(pixels, name):
    theme = load_builtin(name)
    veil, texts = theme.palette["background"], on_background(theme)
    alpha = scrim_alpha(pixels, veil, texts)
    assert all(contrast(fg, veiled(px, veil, alpha)) >= AA for px in pixels for fg in texts)
    if alpha:  # one step less would leave some text below AA
        less = round(alpha - 0.05, 2)
        assert any(contrast(fg, veiled(px, veil, less)) < AA for px in pixels for fg in texts)


def test_a_picture_in_the_background_colour_needs_no_veil():
    theme = load_builtin("default")
    assert scrim_alpha([theme.palette["background"]], theme.palette["background"], on_background(theme)) == 0
