"""No test asserts a time: the property tests run without hypothesis's per-example deadline
(tests/conftest.py loads a profile without it), so a loaded machine cannot fail them."""

from hypothesis import settings


def test_property_tests_have_no_deadline() -> None:
    assert settings.default.deadline is None
