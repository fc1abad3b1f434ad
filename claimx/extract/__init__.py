"""Extractors: one module per topic, each a pure function from a spaCy Doc to records."""
