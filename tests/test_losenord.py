"""The password validators refuse Swedish common passwords as well as English ones."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from forbund.losenord import ORD, SvenskaVanligaLosenordValidator


@pytest.mark.parametrize(
    "losenord",
    ["Sommar2026", "sommar2026!", "Hejsan123!", "L0s3n0rd2024", "Lösenord12345", "Sundsvall2026",
     "GIFSundsvall1903", "Vinter-2025"],
)  # fmt: skip
def test_swedish_common_passwords_are_refused(losenord):
    with pytest.raises(ValidationError, match="vanligt svenskt ord"):
        SvenskaVanligaLosenordValidator().validate(losenord)
    with pytest.raises(ValidationError):
        validate_password(losenord)


@pytest.mark.parametrize(
    "losenord", ["Blåbärssoppa vid midnatt i Kiruna", "sommarregn-över-ljusnan-7", "kQ8#vT2m!xR4"]
)
def test_a_long_phrase_or_a_random_string_passes(losenord):
    SvenskaVanligaLosenordValidator().validate(losenord)


def test_the_list_is_lower_case_and_folded():
    assert all(o == o.casefold() and not set(o) & set("åäö") for o in ORD)
