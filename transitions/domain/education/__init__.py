"""Patient education rules: the module catalog (``resources/education/``), suggestions from
diagnoses, medicines and the BOOST screen, reading level, and teaching progress. No database."""
