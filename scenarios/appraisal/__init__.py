"""Comparing scenarios and appraising them (cost-benefit analysis)."""
