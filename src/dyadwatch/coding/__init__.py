"""Coding stage: triggers, arguments and status → CAMEO/PLOVER event records.

Modules: `component` (the spaCy component), `lexicon`, `ontology` (CAMEO codes, PLOVER types,
Goldstein values), `triggers`, `arguments`, `status`, `learned`. Nothing is imported here, so that
reading the ontology (as the CLI does) does not load spaCy.
"""
