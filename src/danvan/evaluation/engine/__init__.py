"""The scoring and classification engine of the yearly evaluation.

Pure Python, no Django: a criteria set and its rules come in as data (see
`model`), `validation.build_criteria_set` checks a set read from rows,
`scoring.score` gives an agency's scorecard and `classification.classify`
its band; `classification.apply_quotas` works over all agencies of a year.
"""
