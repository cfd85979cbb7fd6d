"""Opt-in benchmarks (`make bench`). They print ratios measured in one run; CI never runs them."""
