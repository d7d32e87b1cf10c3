"""The CAMEO ontology tables: PLOVER types, Goldstein values and quad classes."""
import pytest

from dyadwatch.coding.ontology import PLOVER_TYPES, lookup, plover_type, quad_class


@pytest.mark.parametrize("code,plover", [
    ("040", "CONSULT"), ("042", "CONSULT"), ("057", "SUPPORT"), ("0841", "RETREAT"), ("081", "CONCEDE"),
    ("171", "COERCE"), ("160", "SANCTION"), ("1384", "THREATEN"), ("190", "ASSAULT"), ("0234", "REQUEST"),
    ("112", "ACCUSE"), ("090", "ACCUSE"), ("120", "REJECT"), ("141", "PROTEST"), ("154", "MOBILIZE"),
    ("070", "AID"), ("061", "COOPERATE"), ("030", "AGREE"),
])
def test_plover_types_follow_the_2021_table(code, plover):
    assert plover_type(code) == plover


def test_corrections_follow_plover_definitions_where_the_table_departs_from_them():
    assert plover_type("163") == "SANCTION"  # imposing sanctions or an embargo
    assert plover_type("1712") == "COERCE"  # destroying property, like the rest of the "seize" mode
    assert plover_type("1711") == "COERCE" and plover_type("172") == "COERCE"  # neighbours unchanged


def test_statements_have_no_plover_type():
    assert plover_type("010") is None


def test_quad_classes_follow_cameo_roots():
    assert [quad_class(c) for c in ("042", "057", "061", "0841", "112", "130", "141", "190")] == [1, 1, 2, 2, 3, 3, 4, 4]


def test_lookup_carries_goldstein_and_rejects_unknown_codes():
    assert lookup("190").goldstein == -10.0
    assert lookup("057").goldstein > 0
    with pytest.raises(KeyError):
        lookup("999")


def test_every_plover_type_is_reachable_from_some_code():
    from dyadwatch.coding.ontology import _names

    reachable = {plover_type(code) for code in _names()}
    assert set(PLOVER_TYPES) <= reachable
